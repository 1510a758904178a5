// SPDX-License-Identifier: GPL-3.0-or-later
// The receipt drawn with fonts (PDF, system printers) and the till's ticket model: the QR
// code a PDF carries reads back as the receipt number (zbarimg, a real decoder), and the
// cart behaves as a well-formed Qt model whose totals are the shared computation's.
#include "till/cart.h"
#include "till/denominations.h"

#include "apps/widgets/receiptpainter.h"
#include "support/testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace pos;

namespace {

ReceiptLayout sampleLayout(const QString &number)
{
    ReceiptData data;
    data.store.name = QStringLiteral("Abarrotes La Esperanza");
    data.store.address = QStringLiteral("Av. Insurgentes Sur 1234\nCiudad de México");
    data.sale.receiptNumber = number;
    data.sale.language = QStringLiteral("es");
    data.sale.createdAt = QDateTime::currentDateTimeUtc();
    data.sale.lines << SaleLine{QUuid::createUuid(),
                                QUuid::createUuid(),
                                QStringLiteral("Café molido 500 g"),
                                Quantity::units(2),
                                Money::fromMinor(4800),
                                Money(),
                                Money::fromMinor(9600),
                                false,
                                {}};
    data.sale.subtotal = data.sale.total = Money::fromMinor(9600);
    data.locale = QLocale(QStringLiteral("es_MX"));
    return layoutReceipt(data);
}

Product product(qint64 cents)
{
    Product p;
    p.id = QUuid::createUuid();
    p.name = QStringLiteral("Arroz 1 kg");
    p.price = Money::fromMinor(cents);
    return p;
}

} // namespace

class ReceiptTest : public QObject
{
    Q_OBJECT

private slots:
    // The QR code drawn for a PDF or a system printer scans back as the receipt number.
    void qrCodeScansBack()
    {
        const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
        QVERIFY2(!zbarimg.isEmpty(), "zbarimg is missing: run ./pos setup");
        const QString png = test::outputDir(QStringLiteral("receipts"))
                            + QStringLiteral("/receipt-80mm.png");
        QVERIFY(receiptImage(sampleLayout(QStringLiteral("ST01-02-000123")), PaperWidth::Mm80)
                        .save(png));
        QProcess scan;
        scan.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), png});
        QVERIFY(scan.waitForFinished(20000));
        QCOMPARE(QString::fromUtf8(scan.readAllStandardOutput()).trimmed(),
                 QStringLiteral("ST01-02-000123"));
    }

    // A PDF the width of the paper roll, for e-mail or the archive.
    void pdfOnBothWidths_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("58 mm") << int(PaperWidth::Mm58);
        QTest::newRow("80 mm") << int(PaperWidth::Mm80);
    }
    void pdfOnBothWidths()
    {
        QFETCH(int, width);
        const QString path = test::outputDir(QStringLiteral("receipts"))
                             + QStringLiteral("/receipt-%1.pdf").arg(width);
        POS_VERIFY_OK(saveReceiptPdf(sampleLayout(QStringLiteral("ST01-02-000124")), path,
                                     static_cast<PaperWidth>(width)));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("DejaVu")); // the font is embedded
    }

    // Adding, editing and removing lines keeps the model consistent, and its totals are
    // computeSaleTotals' (price inclusive of no taxes here: the lines' sum).
    void cartModel()
    {
        Cart cart;
        QAbstractItemModelTester tester(&cart,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Product rice = product(2500);
        QCOMPARE(cart.add(rice, Quantity::units(1), rice.price), 0);
        QCOMPARE(cart.add(rice, Quantity::units(1), rice.price), 0); // same item: one more
        QCOMPARE(cart.line(0).quantity, Quantity::units(2));
        QCOMPARE(cart.add(product(1000), Quantity::units(3), Money::fromMinor(1000)), 1);
        cart.setLineDiscount(1, Money::fromMinor(500));
        QCOMPARE(cart.totals()->total, Money::fromMinor(5000 + 2500));
        cart.setTicketDiscount(Money::fromMinor(9000));
        QVERIFY(!cart.totals()); // more than the ticket: refused, shown, nothing lost
        cart.setTicketDiscount(Money());
        cart.remove(0);
        QCOMPARE(cart.rowCount(), 1);
        QCOMPARE(cart.totals()->total, Money::fromMinor(2500));
        const QUuid before = cart.saleId();
        cart.clear();
        QVERIFY(cart.saleId() != before); // a new ticket is a new sale id
    }

    void quickCash_data()
    {
        QTest::addColumn<qint64>("due");
        QTest::addColumn<QList<qint64>>("amounts");
        QTest::newRow("151.50") << qint64(15150) << QList<qint64>{15150, 16000, 20000, 50000};
        QTest::newRow("7.50") << qint64(750) << QList<qint64>{750, 800, 1000, 2000};
        QTest::newRow("exact note") << qint64(20000) << QList<qint64>{20000, 50000, 100000};
    }
    void quickCash()
    {
        QFETCH(qint64, due);
        QFETCH(QList<qint64>, amounts);
        QList<qint64> got;
        for (const Money &m : pos::quickCash(Money::fromMinor(due), QStringLiteral("MXN"))) {
            got << m.minor();
        }
        QCOMPARE(got, amounts);
    }
};

QTEST_MAIN(ReceiptTest)
#include "tst_receipt.moc"
