// SPDX-License-Identifier: GPL-3.0-or-later
// Selling: scanning, sales recomputed and stored once, overrides, receipts, bad input.
// Each runs on SQLite and PostgreSQL, through InProcessBackend and HttpBackend.
#include "storetest.h"

using namespace pos;
using namespace pos::test;
using namespace pos::storetest;

class TestSales : public StoreTest
{
    Q_OBJECT

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init() { startStore(); }
    void cleanup() { m_api.stop(); }

    // A scan finds its product by barcode or SKU; in-store labels carry the weight; a
    // misread code is refused; an unknown one is "not found", never a guess.
    void scanning()
    {
        const auto coffee = run(QStringLiteral("lookup_barcode"),
                                {{QStringLiteral("code"), QStringLiteral("7501234567893")}});
        POS_VERIFY_OK(coffee);
        QCOMPARE(coffee->toObject().value(QStringLiteral("unit_price")).toInteger(), 8900);
        // 21 00042 01250 9: 1.250 kg of item 00042
        const auto banana = run(QStringLiteral("lookup_barcode"),
                                {{QStringLiteral("code"), QStringLiteral("2100042012509")}});
        POS_VERIFY_OK(banana);
        QCOMPARE(banana->toObject().value(QStringLiteral("quantity")).toInteger(), 1250);
        QCOMPARE(banana->toObject()
                         .value(QStringLiteral("product"))
                         .toObject()
                         .value(QStringLiteral("sku"))
                         .toString(),
                 QStringLiteral("PLA-KG"));
        QCOMPARE(run(QStringLiteral("lookup_barcode"),
                     {{QStringLiteral("code"), QStringLiteral("7501234567894")}})
                         .error()
                         .code,
                 ErrorCode::Validation);
        QCOMPARE(run(QStringLiteral("lookup_barcode"),
                     {{QStringLiteral("code"), QStringLiteral("4006381333931")}})
                         .error()
                         .code,
                 ErrorCode::NotFound);
        QCOMPARE(run(QStringLiteral("lookup_barcode"),
                     {{QStringLiteral("code"), QStringLiteral("CAF-500")}})
                         ->toObject()
                         .value(QStringLiteral("embedded"))
                         .toBool(),
                 false);
    }

    // A cash sale is stored with its receipt number, moves stock, and is stored once
    // however often it is sent; the same id with other content is a conflict.
    void cashSaleOnceOnly()
    {
        const QJsonObject request = coffeeSale();
        const auto stored = run(QStringLiteral("create_sale"), request);
        POS_VERIFY_OK(stored);
        QCOMPARE(stored->toObject().value(QStringLiteral("receipt_number")).toString(),
                 QStringLiteral("ST01-02-000001"));
        QCOMPARE(onHand(kCoffee), -2000); // negative stock is allowed and reported
        const auto again = run(QStringLiteral("create_sale"), request);
        POS_VERIFY_OK(again);
        QCOMPARE(again->toObject(), stored->toObject());
        QCOMPARE(onHand(kCoffee), -2000);
        QJsonObject changed = request;
        changed.insert(QStringLiteral("language"), QStringLiteral("en"));
        QCOMPARE(run(QStringLiteral("create_sale"), changed).error().code, ErrorCode::Conflict);
        const auto read = run(QStringLiteral("get_sale"),
                              {{QStringLiteral("id"), request.value(QStringLiteral("id"))}});
        POS_VERIFY_OK(read);
        QCOMPARE(read->toObject(), stored->toObject());
    }

    // A weighed item and a split card + cash payment: 1.250 kg x 24.00 = 30.00 (tax
    // 30 x 16/116 = 4.1379 -> 4.14) plus the coffees: 208.00, tax 24.55 + 4.14 = 28.69.
    void splitTenderWithWeighedItem()
    {
        const QJsonObject s = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8900, 17800),
                                    line(kBanana, QStringLiteral("Plátano"), 1250, 2400, 3000)},
                                   {payment(kCard, 10000), payment(kCash, 11000)}, 20800, 2869,
                                   20800, 200);
        const auto stored = run(QStringLiteral("create_sale"), s);
        POS_VERIFY_OK(stored);
        QCOMPARE(onHand(kBanana), -1250);
        // Paying more than due on the card alone is refused: a card gives no change.
        const QJsonObject card = sale({line(kCoffee, QStringLiteral("Café"), 1000, 8900, 8900)},
                                      {payment(kCard, 10000)}, 8900, 1228, 8900, 1100);
        QCOMPARE(run(QStringLiteral("create_sale"), card).error().code, ErrorCode::Validation);
        const QJsonObject short_ = sale({line(kCoffee, QStringLiteral("Café"), 1000, 8900, 8900)},
                                        {payment(kCash, 5000)}, 8900, 1228, 8900, 0);
        QCOMPARE(run(QStringLiteral("create_sale"), short_).error().code, ErrorCode::Validation);
    }

    // A tax-exempt customer (an embassy) pays the shelf price without its included IVA:
    // 178.00 / 1.16 = 153.4483 -> 153.45, no tax.
    void exemptCustomerPaysNoTax()
    {
        const QString embassy = newId();
        POS_VERIFY_OK(run(QStringLiteral("put_customer"),
                          {{QStringLiteral("id"), embassy},
                           {QStringLiteral("code"), QString()},
                           {QStringLiteral("name"), QStringLiteral("Embajada")},
                           {QStringLiteral("email"), QString()},
                           {QStringLiteral("phone"), QString()},
                           {QStringLiteral("tax_id"), QString()},
                           {QStringLiteral("tax_exempt"), true},
                           {QStringLiteral("active"), true}}));
        QJsonObject s = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8900, 17800)},
                             {payment(kCash, 15345)}, 17800, 0, 15345, 0);
        s.insert(QStringLiteral("customer_id"), embassy);
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), s));
        QJsonObject unknown = coffeeSale();
        unknown.insert(QStringLiteral("customer_id"), newId());
        QCOMPARE(run(QStringLiteral("create_sale"), unknown).error().message,
                 QStringLiteral("customer_id: no such customer"));
    }

    // Totals that disagree with the store's computation are refused with the right ones.
    void totalsAreRecomputed()
    {
        QJsonObject wrong = coffeeSale();
        wrong.insert(QStringLiteral("tax_total"), 2456);
        const auto refused = run(QStringLiteral("create_sale"), wrong);
        QCOMPARE(refused.error().code, ErrorCode::Validation);
        QVERIFY(refused.error().details.contains(QStringLiteral("tax_total: 2455")));
        QJsonObject fractional = coffeeSale();
        QJsonArray lines = fractional.value(QStringLiteral("lines")).toArray();
        QJsonObject l = lines[0].toObject();
        l.insert(QStringLiteral("quantity"), 1500);
        lines[0] = l;
        fractional.insert(QStringLiteral("lines"), lines);
        QCOMPARE(run(QStringLiteral("create_sale"), fractional).error().message,
                 QStringLiteral("lines[0].quantity: this product sells in whole units"));
    }

    // A price override or a discount beyond the cashier's limit needs a manager's PIN,
    // and the audit log names both people.
    void overridesNeedAManager()
    {
        // Coffee at 80.00 instead of 89.00: 160.00, tax 160 x 16/116 = 22.0690 -> 22.07.
        const QJsonObject cheaper = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8000, 16000,
                                               0, true)},
                                         {payment(kCash, 16000)}, 16000, 2207, 16000, 0);
        QCOMPARE(run(QStringLiteral("create_sale"), cheaper).error().code, ErrorCode::Forbidden);
        POS_VERIFY_OK(
                run(QStringLiteral("create_sale"), cheaper, CallOptions{QStringLiteral("2222")}));
        // 20 % off 89.00 = 17.80 over a 10 % limit: 71.20, tax 71.20 x 16/116 = 9.8207 -> 9.82.
        const QJsonObject discounted = sale({line(kCoffee, QStringLiteral("Café"), 1000, 8900, 7120,
                                                  1780)},
                                            {payment(kCash, 7120)}, 7120, 982, 7120, 0);
        QCOMPARE(run(QStringLiteral("create_sale"), discounted).error().code, ErrorCode::Forbidden);
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), discounted,
                          CallOptions{QStringLiteral("2222")}));
        auto conn = m_api.db().connection();
        auto q = exec(
                *conn,
                QStringLiteral(
                        "SELECT l.action, u.username, a.username FROM audit_log l JOIN users u ON "
                        "u.id = l.user_id JOIN users a ON a.id = l.approver_id WHERE l.action LIKE "
                        "'sale.%' ORDER BY l.seq"));
        POS_VERIFY_OK(q);
        QStringList rows;
        while (q->next()) {
            rows << q->value(0).toString() + QLatin1Char(' ') + q->value(1).toString()
                            + QLatin1Char(' ') + q->value(2).toString();
        }
        QCOMPARE(rows, (QStringList{QStringLiteral("sale.price_override ana beto"),
                                    QStringLiteral("sale.discount_over_limit ana beto")}));
        const auto audit = run(QStringLiteral("verify_audit"));
        QCOMPARE(audit.error().code, ErrorCode::Forbidden); // a cashier does not read the audit
    }

    // Receipt numbers have no gaps and no repeats when many sales arrive at once.
    void receiptsGaplessUnderLoad()
    {
        constexpr int kSales = 24;
        int pending = kSales;
        QStringList receipts;
        for (int i = 0; i < kSales; ++i) {
            m_api.backend().execute(QStringLiteral("create_sale"), coffeeSale(),
                                    [&](Result<QJsonValue> r) {
                                        if (r) {
                                            receipts << r->toObject()
                                                                .value(QStringLiteral(
                                                                        "receipt_number"))
                                                                .toString();
                                        } else {
                                            qWarning() << r.error().message;
                                        }
                                        --pending;
                                    });
        }
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 60000);
        QCOMPARE(receipts.size(), kSales);
        receipts.sort();
        for (int i = 0; i < kSales; ++i) {
            QCOMPARE(receipts[i], QStringLiteral("ST01-02-%1").arg(i + 1, 6, 10, QLatin1Char('0')));
        }
    }

    // Every kind of bad input gets a 4xx-class error and leaves the database as it was.
    void badInputChangesNothing()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const QStringList tables{QStringLiteral("sales"),
                                 QStringLiteral("sale_lines"),
                                 QStringLiteral("sale_payments"),
                                 QStringLiteral("stock_movements"),
                                 QStringLiteral("products"),
                                 QStringLiteral("product_barcodes"),
                                 QStringLiteral("audit_log")};
        const auto counts = [&] {
            QStringList out;
            auto conn = m_api.db().connection();
            for (const QString &t : tables) {
                auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM ") + t);
                out << t + QLatin1Char('=')
                                + (q && q->next() ? q->value(0).toString() : QStringLiteral("?"));
            }
            return out;
        };
        const QStringList before = counts();
        const auto withLine = [&](const char *field, const QJsonValue &value) {
            QJsonObject bad = coffeeSale();
            QJsonArray lines = bad.value(QStringLiteral("lines")).toArray();
            QJsonObject l = lines[0].toObject();
            l.insert(QString::fromLatin1(field), value);
            lines[0] = l;
            bad.insert(QStringLiteral("lines"), lines);
            return bad;
        };
        QJsonObject uncovered = coffeeSale();
        uncovered.insert(QStringLiteral("payments"), QJsonArray{payment(kCash, 100)});
        QJsonObject huge = coffeeSale();
        huge.insert(QStringLiteral("total"), 1e300);
        QJsonObject unknownTender = coffeeSale();
        QJsonArray payments = unknownTender.value(QStringLiteral("payments")).toArray();
        QJsonObject firstPayment = payments[0].toObject();
        firstPayment.insert(QStringLiteral("tender_id"), newId());
        payments[0] = firstPayment;
        unknownTender.insert(QStringLiteral("payments"), payments);
        QJsonObject longLanguage = coffeeSale();
        longLanguage.insert(QStringLiteral("language"), QString(50, QLatin1Char('x')));
        // Each bad input, and a piece of the message it must get (so it fails for its reason).
        const QList<std::tuple<QString, QJsonObject, QString>> saleAttempts{
                {QStringLiteral("create_sale"), withLine("quantity", -1000),
                 QStringLiteral("must be positive")},
                {QStringLiteral("create_sale"), withLine("quantity", 0),
                 QStringLiteral("must not be zero")},
                {QStringLiteral("create_sale"), withLine("product_id", newId()),
                 QStringLiteral("no such product")},
                {QStringLiteral("create_sale"),
                 withLine("description", QString(500, QLatin1Char('x'))),
                 QStringLiteral("at most 120")},
                {QStringLiteral("create_sale"), uncovered, QStringLiteral("does not cover")},
                {QStringLiteral("create_sale"), huge, QStringLiteral("out of range")},
                {QStringLiteral("create_sale"), longLanguage, QStringLiteral("at most 5")},
                {QStringLiteral("create_sale"), unknownTender, QStringLiteral("no such tender")},
        };
        const QJsonObject twin = productRecord(
                {.id = newId(),
                 .sku = QStringLiteral("X"),
                 .name = QStringLiteral("Copia"),
                 .department = QJsonValue(),
                 .barcodes = QJsonArray{QStringLiteral("7501234567893")},
                 .taxIds = QJsonArray(),
                 .price = 100,
                 .cost = 50});
        for (const auto &[command, body, expected] : saleAttempts) {
            const auto r = run(command, body);
            QVERIFY2(!r, qPrintable(command));
            QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
            QVERIFY(httpStatusIsClientError(r.error().code));
            QCOMPARE(counts(), before);
        }
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        QJsonObject duplicateBarcode = twin;
        duplicateBarcode.insert(QStringLiteral("department_id"),
                                run(QStringLiteral("get_product"), {{QStringLiteral("id"), kCoffee}})
                                        ->toObject()
                                        .value(QStringLiteral("department_id")));
        const auto dup = run(QStringLiteral("put_product"), duplicateBarcode);
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
        QVERIFY(dup.error().message.contains(QStringLiteral("7501234567893")));
        QCOMPARE(counts(), before);
    }
};

QTEST_GUILESS_MAIN(TestSales)
#include "tst_sales.moc"
