// SPDX-License-Identifier: GPL-3.0-or-later
// Products as CSV: 10,000 rows in one import; bad rows reported by line, with nothing or
// only the good rows written as asked; quoting both ways; export reads back as it went in.
#include "support/apiharness.h"
#include "support/records.h"
#include "support/testsupport.h"

#include "core/base/csv.h"

#include <QJsonArray>

using namespace pos;
using namespace pos::test;

namespace {

const QString kHeader = QStringLiteral(
        "sku,name,department,price,cost,taxes,barcodes,tax_included,weighed,active,supplier\r\n");

// A valid EAN-13 for a sequence number (the check digit computed here, independently).
QString ean13(int n)
{
    const QString body = QStringLiteral("750200%1").arg(n, 6, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        sum += body.at(i).digitValue() * (i % 2 != 0 ? 3 : 1);
    }
    return body + QString::number((10 - sum % 10) % 10);
}

QString row(int n, const QString &price = QStringLiteral("12.50"),
            const QString &department = QStringLiteral("ABA"))
{
    return QStringLiteral("SKU-%1,Producto %1,%2,%3,7.00,IVA16,%4,true,false,true,\r\n")
            .arg(n)
            .arg(department, price, ean13(n));
}

} // namespace

class ProductCsvTest : public QObject
{
    Q_OBJECT

    ApiHarness m_api;

    qint64 productCount()
    {
        auto conn = m_api.db().connection();
        auto q = conn ? exec(*conn, QStringLiteral("SELECT COUNT(*) FROM products"))
                      : Result<QSqlQuery>(fail(conn.error()));
        return q && q->next() ? q->value(0).toLongLong() : -1;
    }

    QJsonObject import(const QString &csv, const QString &mode)
    {
        const auto report = m_api.run(QStringLiteral("import_products"),
                                      {{QStringLiteral("csv"), csv},
                                       {QStringLiteral("mode"), mode}});
        return report ? report->toObject()
                      : QJsonObject{{QStringLiteral("error"), report.error().message}};
    }

    static QList<qint64> problemLines(const QJsonObject &report)
    {
        QList<qint64> lines;
        for (const auto &p : report.value(QStringLiteral("problems")).toArray()) {
            lines << p.toObject().value(QStringLiteral("line")).toInteger();
        }
        return lines;
    }

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init()
    {
        POS_VERIFY_OK(m_api.start(ServerRole::Hq));
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        POS_VERIFY_OK(
                m_api.run(QStringLiteral("put_department"),
                          departmentRecord(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                           QStringLiteral("ABA"), QStringLiteral("Abarrotes"))));
        POS_VERIFY_OK(m_api.run(QStringLiteral("put_tax"),
                                taxRecord(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                          QStringLiteral("IVA16"), QStringLiteral("16"))));
    }
    void cleanup() { m_api.stop(); }

    // Why: a chain loads its catalog from a spreadsheet; ten thousand rows are one file.
    void tenThousandRowsInOneGo()
    {
        QString csv = kHeader;
        for (int n = 1; n <= 10000; ++n) {
            csv += row(n);
        }
        const QJsonObject report = import(csv, QStringLiteral("all_or_nothing"));
        QCOMPARE(report.value(QStringLiteral("error")).toString(), QString());
        QCOMPARE(report.value(QStringLiteral("rows")).toInteger(), 10000);
        QCOMPARE(report.value(QStringLiteral("imported")).toInteger(), 10000);
        QCOMPARE(productCount(), 10000);
        // The export reads back: same rows, and importing it again changes nothing.
        const auto exported = m_api.run(QStringLiteral("export_products"));
        POS_VERIFY_OK(exported);
        const QString out = exported->toObject().value(QStringLiteral("csv")).toString();
        auto records = parseCsv(out);
        POS_VERIFY_OK(records);
        QCOMPARE(records->size(), 10001);
        QVERIFY(out.contains(row(42)));
    }

    // Bad rows are named by line; all-or-nothing writes none, good-rows writes the rest.
    void badRowsByLine_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<qint64>("imported");
        QTest::newRow("all or nothing") << QStringLiteral("all_or_nothing") << qint64(0);
        QTest::newRow("good rows") << QStringLiteral("good_rows") << qint64(2);
    }
    void badRowsByLine()
    {
        QFETCH(QString, mode);
        QFETCH(qint64, imported);
        const QString csv = kHeader + row(1)                // line 2: good
                            + row(2, QStringLiteral("abc")) // line 3: price
                            + row(3)                        // line 4: good
                            + row(4, QStringLiteral("1.00"), QStringLiteral("NOPE")) // line 5
                            + row(1)                               // line 6: SKU again
                            + QStringLiteral("SKU-9,too few\r\n"); // line 7
        const QJsonObject report = import(csv, mode);
        QCOMPARE(report.value(QStringLiteral("rows")).toInteger(), 6);
        QCOMPARE(problemLines(report), (QList<qint64>{3, 5, 6, 7}));
        QCOMPARE(report.value(QStringLiteral("imported")).toInteger(), imported);
        QCOMPARE(productCount(), imported);
    }

    // A name with a comma and quotes survives the round trip.
    void quotedFields()
    {
        const QString csv = kHeader
                            + QStringLiteral("SKU-Q,\"Café \"\"Molido\"\", 500 g\",ABA,89.00,50.00,"
                                             "IVA16,%1,true,false,true,\r\n")
                                      .arg(ean13(77));
        QCOMPARE(import(csv, QStringLiteral("all_or_nothing"))
                         .value(QStringLiteral("imported"))
                         .toInteger(),
                 1);
        const auto exported = m_api.run(QStringLiteral("export_products"));
        POS_VERIFY_OK(exported);
        QVERIFY(exported->toObject()
                        .value(QStringLiteral("csv"))
                        .toString()
                        .contains(QStringLiteral("\"Café \"\"Molido\"\", 500 g\"")));
    }
};

QTEST_GUILESS_MAIN(ProductCsvTest)
#include "tst_product_csv.moc"
