// SPDX-License-Identifier: GPL-3.0-or-later
// What the receipt printer and the drawer receive, byte for byte, and how the device queue
// keeps a receipt it could not deliver.
#include "core/devices/codepage.h"
#include "core/devices/devicequeue.h"
#include "core/devices/escpos.h"
#include "core/devices/receipt.h"
#include "core/devices/transport.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace pos;

namespace {

const QByteArray kStart("\x1b@\x1bt\x13", 5);
const QByteArray kCut("\x1dV\x42\x00", 4);
const QByteArray kLeft("\x1b"
                       "a\x00",
                       3);
const QByteArray kPlain("\x1b"
                        "E\x00\x1d!\x00",
                        6);
const QByteArray kBigBold("\x1b"
                          "E\x01\x1d!\x11",
                          6);

ReceiptBlock pair(const QString &l, const QString &r, TextSize size = TextSize::Normal,
                  Weight weight = Weight::Normal)
{
    return ReceiptBlock{BlockKind::Pair, l, r, Align::Left, size, weight};
}

Sale sampleSale(const QString &language, SaleKind kind)
{
    Sale s;
    s.receiptNumber = QStringLiteral("ST01-02-000123");
    s.kind = kind;
    s.language = language;
    s.createdAt = QDateTime(QDate(2026, 11, 28), QTime(14, 32), Qt::UTC);
    s.lines << SaleLine{QUuid::createUuid(),
                        QUuid::createUuid(),
                        QStringLiteral("Piña"),
                        Quantity::units(1),
                        Money::fromMinor(3200),
                        Money(),
                        Money::fromMinor(3200),
                        false,
                        {}};
    s.subtotal = s.total = Money::fromMinor(3200);
    return s;
}

} // namespace

class DevicesTest : public QObject
{
    Q_OBJECT

private slots:
    // Spanish, Portuguese and French letters reach the printer as code page 858 bytes.
    void codePage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << QStringLiteral("TOTAL 1.00") << QByteArray("TOTAL 1.00");
        QTest::newRow("enye") << QStringLiteral("Piña Ñ") << QByteArray("Pi\xa4\x61 \xa5");
        QTest::newRow("accents") << QStringLiteral("éáíóú") << QByteArray("\x82\xa0\xa1\xa2\xa3");
        QTest::newRow("capitals") << QStringLiteral("ÁÉÍÓÚ") << QByteArray("\xb5\x90\xd6\xe0\xe9");
        QTest::newRow("question") << QStringLiteral("¿¡") << QByteArray("\xa8\xad");
        QTest::newRow("euro") << QStringLiteral("€") << QByteArray("\xd5");
        QTest::newRow("unlisted accent") << QStringLiteral("ő") << QByteArray("o");
        QTest::newRow("not latin") << QStringLiteral("中") << QByteArray("?");
    }
    void codePage()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QCOMPARE(toCodePage858(text), bytes);
    }

    // A label and its amount fill the line exactly: 32 columns on 58 mm paper.
    void pairOnNarrowPaper()
    {
        const QByteArray out = renderEscPos({pair(QStringLiteral("Café"), QStringLiteral("10.00"))},
                                            PaperWidth::Mm58);
        const QByteArray line = QByteArray("Caf\x82") + QByteArray(23, ' ') + "10.00\n";
        QCOMPARE(line.size(), 33);
        QCOMPARE(out, kStart + kLeft + kPlain + line + kCut);
    }

    // Double size halves the columns: 24 on 80 mm paper.
    void largeTotal()
    {
        const QByteArray out = renderEscPos({pair(QStringLiteral("TOTAL"), QStringLiteral("205.00"),
                                                  TextSize::Large, Weight::Bold)},
                                            PaperWidth::Mm80);
        QCOMPARE(out, kStart + kLeft + kBigBold + "TOTAL" + QByteArray(13, ' ') + "205.00\n" + kCut);
    }

    // A label too long for its line takes a line of its own; the amount stays flush right.
    void longLabelWraps()
    {
        const QString label(40, QLatin1Char('x'));
        const QByteArray out = renderEscPos({pair(label, QStringLiteral("1.00"))}, PaperWidth::Mm58);
        const QByteArray body = QByteArray(32, 'x') + "\n" + QByteArray(28, ' ') + "1.00\n";
        QCOMPARE(out, kStart + kLeft + kPlain + body + kCut);
    }

    // GS ( k stores the receipt number with its length (data + 3) in two bytes, then prints.
    void qrCode()
    {
        const QByteArray out = renderEscPos({ReceiptBlock{BlockKind::Code,
                                                          QStringLiteral("ST01-02-000123"),
                                                          {},
                                                          Align::Center,
                                                          TextSize::Normal,
                                                          Weight::Normal}},
                                            PaperWidth::Mm80);
        QVERIFY(out.contains(QByteArray("\x1d(k\x11\x00\x31\x50\x30", 8) + "ST01-02-000123"));
        QVERIFY(out.contains(QByteArray("\x1d(k\x03\x00\x31\x51\x30", 8)));
        QVERIFY(out.contains(QByteArray("\x1b"
                                        "a\x01",
                                        3)));
    }

    void drawerAndStatus()
    {
        QCOMPARE(drawerKick(), QByteArray("\x1bp\x00\x19\xfa", 5));
        QCOMPARE(paperStatusQuery(), QByteArray("\x10\x04\x04", 3));
        QVERIFY(paperEnded(0x72));
        QVERIFY(!paperEnded(0x12));
    }

    // The receipt speaks the sale's language, whatever the till shows.
    void receiptLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("footer");
        QTest::newRow("en sale") << "en" << int(SaleKind::Sale) << "Receipt ST01-02-000123"
                                 << "Thank you for your purchase";
        QTest::newRow("es sale") << "es" << int(SaleKind::Sale) << "Ticket ST01-02-000123"
                                 << "Gracias por su compra";
        QTest::newRow("es return") << "es" << int(SaleKind::Return) << "DEVOLUCIÓN ST01-02-000123"
                                   << "Gracias por su compra";
    }
    void receiptLanguage()
    {
        QFETCH(QString, language);
        QFETCH(int, kind);
        QFETCH(QString, title);
        QFETCH(QString, footer);
        ReceiptData data;
        data.store.name = QStringLiteral("Abarrotes La Esperanza");
        data.sale = sampleSale(language, static_cast<SaleKind>(kind));
        data.locale = QLocale(QStringLiteral("es_MX"));
        const ReceiptLayout layout = layoutReceipt(data);
        QStringList texts;
        for (const ReceiptBlock &b : layout) {
            texts << b.left;
        }
        QVERIFY2(texts.contains(title), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(footer));
        QVERIFY(texts.contains(QStringLiteral("ST01-02-000123"))); // the QR block
    }

    // Jobs reach a file device in order.
    void queueDeliversInOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("printer.bin"));
        auto transport = makeTransport(QStringLiteral("file://") + path);
        POS_VERIFY_OK(transport);
        DeviceQueue queue(std::move(*transport));
        queue.submit(DeviceJob{"first", PaperCheck::Skip, Retention::UntilDone});
        queue.submit(DeviceJob{"second", PaperCheck::Skip, Retention::TryOnce});
        QTRY_COMPARE(queue.pending(), 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("firstsecond"));
        QCOMPARE(queue.lastError(), QString());
    }

    // A printer that does not answer keeps the receipt (with the reason) and drops a drawer
    // pulse, which would be wrong minutes later.
    void queueKeepsWhatFailed()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        auto transport = makeTransport(QStringLiteral("tcp://127.0.0.1:%1").arg(port));
        POS_VERIFY_OK(transport);
        DeviceQueue queue(std::move(*transport));
        queue.setRetryInterval(60000);
        queue.submit(DeviceJob{"receipt", PaperCheck::Ask, Retention::UntilDone});
        queue.submit(DeviceJob{drawerKick(), PaperCheck::Skip, Retention::TryOnce});
        QTRY_COMPARE(queue.pending(), 1);
        QVERIFY(queue.lastError().contains(QStringLiteral("not answering")));
    }

    void badAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("no scheme") << "/dev/usb/lp0";
        QTest::newRow("unknown scheme") << "lpt://1";
        QTest::newRow("tcp without host") << "tcp://";
    }
    void badAddresses()
    {
        QFETCH(QString, address);
        const auto transport = makeTransport(address);
        QVERIFY(!transport);
        QCOMPARE(transport.error().code, ErrorCode::Validation);
    }
};

QTEST_GUILESS_MAIN(DevicesTest)
#include "tst_devices.moc"
