// SPDX-License-Identifier: GPL-3.0-or-later
// Registers: one open session, cash movements, the blind close and its threshold, reports.
// Each runs on SQLite and PostgreSQL, through InProcessBackend and HttpBackend.
#include "core/sales/saletotals.h"
#include "storetest.h"

#include <QRandomGenerator>

using namespace pos;
using namespace pos::test;
using namespace pos::storetest;

class TestRegisters : public StoreTest
{
    Q_OBJECT

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init() { startStore(); }
    void cleanup() { m_api.stop(); }

    // A register opens once; a second session on it is refused until it closes.
    void registerOpensOnce()
    {
        QCOMPARE(run(QStringLiteral("open_session"), {{QStringLiteral("id"), newId()},
                                                      {QStringLiteral("register_id"), kRegister},
                                                      {QStringLiteral("opening_float"), 0}})
                         .error()
                         .code,
                 ErrorCode::Conflict);
        POS_VERIFY_OK(
                run(QStringLiteral("open_session"), {{QStringLiteral("id"), m_session},
                                                     {QStringLiteral("register_id"), kRegister},
                                                     {QStringLiteral("opening_float"), 150000}}));
    }

    // The cashier counts blind. A count that matches closes the register; the cashier
    // cannot see the expected figures before, and the closed register sells no more.
    // Float 1500.00 + cash 200.00 - change 22.00 = 1678.00 expected.
    void blindCloseMatching()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        QCOMPARE(run(QStringLiteral("get_session_report"), {{QStringLiteral("id"), m_session}})
                         .error()
                         .code,
                 ErrorCode::Forbidden);
        const auto report = run(QStringLiteral("close_session"),
                                {{QStringLiteral("id"), m_session},
                                 {QStringLiteral("counts"), QJsonArray{cashCount(16, 1, 1, 8)}}});
        POS_VERIFY_OK(report);
        const QJsonObject r = report->toObject();
        QCOMPARE(r.value(QStringLiteral("difference")).toInteger(), 0);
        QCOMPARE(r.value(QStringLiteral("sales")).toInteger(), 1);
        for (const auto &t : r.value(QStringLiteral("tenders")).toArray()) {
            const QJsonObject tender = t.toObject();
            if (tender.value(QStringLiteral("tender_id")).toString() == kCash) {
                QCOMPARE(tender.value(QStringLiteral("expected")).toInteger(), 167800);
                QCOMPARE(tender.value(QStringLiteral("counted")).toInteger(), 167800);
            }
        }
        QCOMPARE(run(QStringLiteral("create_sale"), coffeeSale()).error().code, ErrorCode::Conflict);
        // Closing again answers the same report.
        QCOMPARE(run(QStringLiteral("close_session"),
                     {{QStringLiteral("id"), m_session}, {QStringLiteral("counts"), QJsonArray()}})
                         ->toObject(),
                 r);
    }

    // Paid-in, paid-out and drops move the expected cash: 1500.00 float + 178.00 sold
    // + 100.00 in - 30.00 out - 1000.00 dropped = 748.00. A movement sent twice counts once.
    void cashMovementsMoveExpected()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const auto movement = [&](const char *kind, qint64 amount, const char *reason) {
            return QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("session_id"), m_session},
                               {QStringLiteral("kind"), QString::fromLatin1(kind)},
                               {QStringLiteral("amount"), amount},
                               {QStringLiteral("reason"), QString::fromLatin1(reason)}};
        };
        const QJsonObject paidIn = movement("paid_in", 10000, "change from the bank");
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"), paidIn));
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"), paidIn));
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"),
                          movement("paid_out", 3000, "window cleaner")));
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"),
                          movement("drop", 100000, "to the safe")));
        QCOMPARE(run(QStringLiteral("record_cash_movement"), movement("paid_out", 0, "nothing"))
                         .error()
                         .code,
                 ErrorCode::Validation);
        const auto report = run(QStringLiteral("close_session"),
                                {{QStringLiteral("id"), m_session},
                                 {QStringLiteral("counts"), QJsonArray{cashCount(7, 0, 2, 8)}}});
        POS_VERIFY_OK(report);
        QCOMPARE(report->toObject().value(QStringLiteral("difference")).toInteger(), 0);
    }

    // With the threshold raised to 10.00, being 8.00 short needs no manager.
    void closeThresholdIsASetting()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        POS_VERIFY_OK(run(QStringLiteral("put_setting"),
                          {{QStringLiteral("name"), QStringLiteral("close_threshold_cents")},
                           {QStringLiteral("value"), QStringLiteral("1000")}}));
        QVERIFY(!m_api.loginPin(QStringLiteral("1111")).isEmpty());
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const auto closed = run(QStringLiteral("close_session"),
                                {{QStringLiteral("id"), m_session},
                                 {QStringLiteral("counts"), QJsonArray{cashCount(16, 1, 1, 0)}}});
        POS_VERIFY_OK(closed);
        QCOMPARE(closed->toObject().value(QStringLiteral("difference")).toInteger(), -800);
        QVERIFY(closed->toObject().value(QStringLiteral("approved_by")).isNull());
    }

    // 8.00 short is beyond the 5.00 threshold: a manager signs off with a reason.
    void blindCloseShortNeedsManager()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const QJsonObject body{{QStringLiteral("id"), m_session},
                               {QStringLiteral("counts"), QJsonArray{cashCount(16, 1, 1, 0)}},
                               {QStringLiteral("reason"),
                                QStringLiteral("coins dropped behind the till")}};
        const auto refused = run(QStringLiteral("close_session"), body);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QVERIFY(refused.error().message.contains(QStringLiteral("-8.00")));
        QCOMPARE(run(QStringLiteral("close_session"), body, CallOptions{QStringLiteral("1111")})
                         .error()
                         .code,
                 ErrorCode::Forbidden); // the cashier cannot sign her own count
        const auto closed = run(QStringLiteral("close_session"), body,
                                CallOptions{QStringLiteral("2222")});
        POS_VERIFY_OK(closed);
        QCOMPARE(closed->toObject().value(QStringLiteral("difference")).toInteger(), -800);
        // The threshold is a setting; the PIN key next to it is not.
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        POS_VERIFY_OK(run(QStringLiteral("put_setting"),
                          {{QStringLiteral("name"), QStringLiteral("close_threshold_cents")},
                           {QStringLiteral("value"), QStringLiteral("1000")}}));
        QCOMPARE(run(QStringLiteral("put_setting"),
                     {{QStringLiteral("name"), QStringLiteral("pin_key")},
                      {QStringLiteral("value"), QStringLiteral("00")}})
                         .error()
                         .code,
                 ErrorCode::Validation);
        QVERIFY(!closed->toObject().value(QStringLiteral("approved_by")).isNull());
        auto conn = m_api.db().connection();
        auto q = exec(
                *conn,
                QStringLiteral(
                        "SELECT reason FROM audit_log WHERE action = 'register.close_difference'"));
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("coins dropped behind the till"));
    }

    // Every local report adds up to the tickets it covers, on generated sales with
    // weighed items, ticket discounts, split tenders and change.
    void reportsAddUp()
    {
        QRandomGenerator random(20261128);
        const TaxRule iva{QStringLiteral("IVA16"), QStringLiteral("IVA"),
                          TaxRate::fromBasisPoints(1600)};
        const TaxPolicy policy{PriceMode::TaxInclusive, RoundingScope::PerLine, Rounding::HalfUp};
        qint64 expected = 0;
        constexpr int kSales = 15;
        for (int n = 0; n < kSales; ++n) {
            const qint64 coffees = qint64(1000) * random.bounded(1, 4);
            const qint64 grams = random.bounded(200, 2500);
            const QList<PricedLine>
                    priced{{Money::fromMinor(8900), Quantity::fromMilli(coffees), Money(), {iva}},
                           {Money::fromMinor(2400), Quantity::fromMilli(grams), Money(), {iva}}};
            const Money discount = Money::fromMinor(random.bounded(0, 300));
            const auto totals = computeSaleTotals(priced, discount, policy,
                                                  CustomerTaxStatus::Taxable);
            POS_VERIFY_OK(totals);
            const qint64 total = totals->total.minor();
            const qint64 card = random.bounded(0, 2) == 0 ? 0 : total / 2;
            const qint64 cash = ((total - card) / 1000 + 1) * 1000; // notes: change comes back
            QJsonArray payments{payment(kCash, cash)};
            if (card > 0) {
                payments.append(payment(kCard, card));
            }
            const QJsonObject s = sale({line(kCoffee, QStringLiteral("Café"), coffees, 8900,
                                             totals->lineTotals[0].minor()),
                                        line(kBanana, QStringLiteral("Plátano"), grams, 2400,
                                             totals->lineTotals[1].minor())},
                                       payments, totals->subtotal.minor(), totals->taxTotal.minor(),
                                       total, card + cash - total, discount.minor());
            POS_VERIFY_OK(run(QStringLiteral("create_sale"), s));
            expected += total;
        }
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        for (const char *by : {"hour", "department", "product", "cashier", "tender"}) {
            const auto report = run(QStringLiteral("get_sales_report"),
                                    {{QStringLiteral("from"),
                                      QDate::currentDate().addDays(-1).toString(Qt::ISODate)},
                                     {QStringLiteral("to"),
                                      QDate::currentDate().addDays(1).toString(Qt::ISODate)},
                                     {QStringLiteral("by"), QString::fromLatin1(by)}});
            POS_VERIFY_OK(report);
            qint64 sum = 0;
            for (const auto &row : report->toObject().value(QStringLiteral("rows")).toArray()) {
                sum += row.toObject().value(QStringLiteral("amount")).toInteger();
            }
            QVERIFY2(sum == expected, by);
            QCOMPARE(report->toObject().value(QStringLiteral("total")).toInteger(), expected);
        }
        const auto products = run(QStringLiteral("get_sales_report"),
                                  {{QStringLiteral("from"), today},
                                   {QStringLiteral("to"), today},
                                   {QStringLiteral("by"), QStringLiteral("product")}});
        POS_VERIFY_OK(products);
        QCOMPARE(products->toObject().value(QStringLiteral("rows")).toArray().size(), 2);
        QCOMPARE(run(QStringLiteral("get_sales_report"),
                     {{QStringLiteral("from"), today},
                      {QStringLiteral("to"), today},
                      {QStringLiteral("by"), QStringLiteral("weather")}})
                         .error()
                         .code,
                 ErrorCode::Validation);
    }
};

QTEST_GUILESS_MAIN(TestRegisters)
#include "tst_registers.moc"
