// SPDX-License-Identifier: GPL-3.0-or-later
// After the sale: returns, parked tickets, voids, the stock ledger and the audit chain.
// Each runs on SQLite and PostgreSQL, through InProcessBackend and HttpBackend.
#include "storetest.h"

using namespace pos;
using namespace pos::test;
using namespace pos::storetest;

class TestTickets : public StoreTest
{
    Q_OBJECT

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init() { startStore(); }
    void cleanup() { m_api.stop(); }

    // A return against a receipt refunds what was paid: line discount and ticket-discount
    // share stay off, the last part takes the remaining cents, nothing comes back twice.
    // The sale: 2 coffees 178.00 + 1.250 kg bananas 30.00, ticket discount 10.00 split
    // 8.56 / 1.44 (178/208 of it is 8.5577, 30/208 is 1.4423; the spare cent to the larger
    // remainder). Paid: coffees 169.44, bananas 28.56. Tax 169.44 x 16/116 = 23.3710 ->
    // 23.37, 28.56 x 16/116 = 3.9393 -> 3.94: 27.31; total 198.00, cash 200.00, change 2.00.
    void returnAgainstReceipt()
    {
        QJsonObject original = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8900, 17800),
                                     line(kBanana, QStringLiteral("Plátano"), 1250, 2400, 3000)},
                                    {payment(kCash, 20000)}, 19800, 2731, 19800, 200, 1000);
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), original));
        const QString coffeeLine = original.value(QStringLiteral("lines"))
                                           .toArray()[0]
                                           .toObject()
                                           .value(QStringLiteral("id"))
                                           .toString();
        // One coffee back: 169.44 / 2 = 84.72; its discount 89.00 - 84.72 = 4.28;
        // tax 84.72 x 16/116 = 11.6855 -> 11.69.
        const auto giveBack = [&](qint64 milli, qint64 discount, qint64 total, qint64 tax) {
            QJsonObject l = line(kCoffee, QStringLiteral("Café"), -milli, 8900, -total, discount);
            l.insert(QStringLiteral("original_line_id"), coffeeLine);
            QJsonObject r = sale({l}, {payment(kCash, -total)}, -total, -tax, -total, 0);
            r.insert(QStringLiteral("kind"), QStringLiteral("return"));
            r.insert(QStringLiteral("original_sale_id"), original.value(QStringLiteral("id")));
            return run(QStringLiteral("create_sale"), r);
        };
        QCOMPARE(onHand(kCoffee), -2000);
        POS_VERIFY_OK(giveBack(1000, 428, 8472, 1169));
        QCOMPARE(giveBack(2000, 856, 16944, 2337).error().message,
                 QStringLiteral("lines[0].quantity: only 1 left to return"));
        // The last coffee takes the remaining 169.44 - 84.72 = 84.72.
        POS_VERIFY_OK(giveBack(1000, 428, 8472, 1169));
        QCOMPARE(giveBack(1000, 428, 8472, 1169).error().message,
                 QStringLiteral("lines[0].quantity: only 0 left to return"));
        QCOMPARE(onHand(kCoffee), 0);
        // A return that asks for more money than was paid is refused with the right figure.
        QCOMPARE(giveBack(1000, 0, 8900, 1228).error().code, ErrorCode::Validation);
    }

    // Without a receipt a return is at today's price and needs sales.refund (a manager).
    // 89.00 back, tax 89 x 16/116 = 12.2759 -> 12.28.
    void blindReturnNeedsRefundPermission()
    {
        QJsonObject r = sale({line(kCoffee, QStringLiteral("Café"), -1000, 8900, -8900)},
                             {payment(kCash, -8900)}, -8900, -1228, -8900, 0);
        r.insert(QStringLiteral("kind"), QStringLiteral("return"));
        QCOMPARE(run(QStringLiteral("create_sale"), r).error().code, ErrorCode::Forbidden);
        const auto done = run(QStringLiteral("create_sale"), r, CallOptions{QStringLiteral("2222")});
        POS_VERIFY_OK(done);
        QCOMPARE(onHand(kCoffee), 1000);
        QJsonObject positive = r;
        positive.insert(QStringLiteral("id"), newId());
        positive.insert(QStringLiteral("payments"), QJsonArray{payment(kCash, 8900)});
        QCOMPARE(run(QStringLiteral("create_sale"), positive, CallOptions{QStringLiteral("2222")})
                         .error()
                         .code,
                 ErrorCode::Validation);
    }

    // A parked ticket is visible to the store and comes back once: of two tills recalling
    // it together, exactly one gets it.
    void holdAndRecall()
    {
        QJsonObject draft = coffeeSale();
        draft.insert(QStringLiteral("status"), QStringLiteral("held"));
        const QString ticketId = newId();
        const QJsonObject held{{QStringLiteral("id"), ticketId},
                               {QStringLiteral("label"), QStringLiteral("abrigo rojo")},
                               {QStringLiteral("sale"), draft}};
        POS_VERIFY_OK(run(QStringLiteral("hold_ticket"), held));
        POS_VERIFY_OK(run(QStringLiteral("hold_ticket"), held)); // a retry keeps one
        const auto list = run(QStringLiteral("get_held_tickets"));
        POS_VERIFY_OK(list);
        QCOMPARE(list->toObject().value(QStringLiteral("items")).toArray().size(), 1);
        int recalled = 0;
        int missing = 0;
        int pending = 2;
        QJsonObject recalledSale;
        for (int i = 0; i < 2; ++i) {
            m_api.backend().execute(QStringLiteral("recall_ticket"),
                                    {{QStringLiteral("id"), ticketId}}, [&](Result<QJsonValue> r) {
                                        if (r) {
                                            ++recalled;
                                            recalledSale = r->toObject()
                                                                   .value(QStringLiteral("sale"))
                                                                   .toObject();
                                        } else if (r.error().code == ErrorCode::NotFound) {
                                            ++missing;
                                        }
                                        --pending;
                                    });
        }
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 20000);
        QCOMPARE(recalled, 1);
        QCOMPARE(missing, 1);
        // The ticket comes back as it was parked (the store writes its optional fields out).
        const auto asParked = json::parse<Sale>(draft);
        const auto asRecalled = json::parse<Sale>(recalledSale);
        POS_VERIFY_OK(asParked);
        POS_VERIFY_OK(asRecalled);
        QVERIFY(*asParked == *asRecalled);
        QCOMPARE(run(QStringLiteral("get_held_tickets"))
                         ->toObject()
                         .value(QStringLiteral("items"))
                         .toArray()
                         .size(),
                 0);
        QJsonObject notHeld = held;
        notHeld.insert(QStringLiteral("id"), newId());
        notHeld.insert(QStringLiteral("sale"), coffeeSale());
        QCOMPARE(run(QStringLiteral("hold_ticket"), notHeld).error().code, ErrorCode::Validation);
    }

    // Voiding a ticket in progress is audited; voiding a completed sale needs sales.void,
    // brings the stock back and takes the sale out of the register's figures.
    void voids()
    {
        const QJsonObject inProgress{{QStringLiteral("id"), newId()},
                                     {QStringLiteral("register_id"), kRegister},
                                     {QStringLiteral("reason"), QStringLiteral("customer left")},
                                     {QStringLiteral("total"), 17800}};
        POS_VERIFY_OK(run(QStringLiteral("void_ticket"), inProgress));
        const QJsonObject sold = coffeeSale();
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), sold));
        QJsonObject wrongVoid = inProgress;
        wrongVoid.insert(QStringLiteral("id"), sold.value(QStringLiteral("id")));
        QCOMPARE(run(QStringLiteral("void_ticket"), wrongVoid).error().code, ErrorCode::Conflict);
        QCOMPARE(onHand(kCoffee), -2000);
        QCOMPARE(run(QStringLiteral("void_sale"), wrongVoid).error().code, ErrorCode::Forbidden);
        const auto voided = run(QStringLiteral("void_sale"), wrongVoid,
                                CallOptions{QStringLiteral("2222")});
        POS_VERIFY_OK(voided);
        QCOMPARE(voided->toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("voided"));
        QCOMPARE(onHand(kCoffee), 0);
        POS_VERIFY_OK(
                run(QStringLiteral("void_sale"), wrongVoid, CallOptions{QStringLiteral("2222")}));
        QCOMPARE(onHand(kCoffee), 0); // twice is once
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const auto x = run(QStringLiteral("get_session_report"),
                           {{QStringLiteral("id"), m_session}});
        POS_VERIFY_OK(x);
        QCOMPARE(x->toObject().value(QStringLiteral("sales")).toInteger(), 0);
        auto conn = m_api.db().connection();
        auto q = exec(*conn,
                      QStringLiteral(
                              "SELECT action FROM audit_log WHERE action IN ('ticket.voided', "
                              "'sale.voided') ORDER BY seq"));
        QStringList actions;
        while (q && q->next()) {
            actions << q->value(0).toString();
        }
        QCOMPARE(actions,
                 (QStringList{QStringLiteral("ticket.voided"), QStringLiteral("sale.voided")}));
    }

    // On-hand is the last count plus what moved after it, in whatever order movements
    // arrive; adjustments need a reason.
    void stockLedger()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const auto movement = [&](const char *kind, const char *reason, qint64 milli,
                                  const QDateTime &when) {
            return QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("store_id"),
                                m_api.storeId().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("product_id"), kCoffee},
                               {QStringLiteral("kind"), QString::fromLatin1(kind)},
                               {QStringLiteral("reason"), QString::fromLatin1(reason)},
                               {QStringLiteral("quantity"), milli},
                               {QStringLiteral("reference_id"), QJsonValue()},
                               {QStringLiteral("user_id"), QJsonValue()},
                               {QStringLiteral("business_date"), when.date().toString(Qt::ISODate)},
                               {QStringLiteral("occurred_at"), when.toString(Qt::ISODateWithMs)}};
        };
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("adjustment", "correction", 5000, t0)));
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("count", "none", 10000, t0.addSecs(60))));
        QCOMPARE(onHand(kCoffee), 10000);
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("adjustment", "damage", -1000, t0.addSecs(120))));
        // Arrives late but happened before the count: the count already saw it.
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("adjustment", "theft", -3000, t0.addSecs(30))));
        QCOMPARE(onHand(kCoffee), 9000);
        QCOMPARE(run(QStringLiteral("record_stock_movement"),
                     movement("adjustment", "none", -1000, t0))
                         .error()
                         .code,
                 ErrorCode::Validation);
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("receiving", "none", 12000, t0.addSecs(180))));
        QCOMPARE(onHand(kCoffee), 21000);
        QCOMPARE(run(QStringLiteral("record_stock_movement"),
                     movement("receiving", "none", -1000, t0))
                         .error()
                         .code,
                 ErrorCode::Validation);
        QCOMPARE(run(QStringLiteral("record_stock_movement"), movement("sale", "none", -1000, t0))
                         .error()
                         .code,
                 ErrorCode::Validation);
        const auto audit = run(QStringLiteral("verify_audit"));
        POS_VERIFY_OK(audit);
        QCOMPARE(audit->toObject().value(QStringLiteral("intact")).toBool(), true);
        QVERIFY(audit->toObject().value(QStringLiteral("rows")).toInteger() > 10);
    }

    // Editing or deleting an audit row is found, and the first broken row is named.
    void auditTamperingFound()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        auto conn = m_api.db().connection();
        POS_VERIFY_OK(
                exec(*conn,
                     QStringLiteral(
                             "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3")));
        const auto edited = run(QStringLiteral("verify_audit"));
        POS_VERIFY_OK(edited);
        QCOMPARE(edited->toObject().value(QStringLiteral("intact")).toBool(), false);
        QCOMPARE(edited->toObject().value(QStringLiteral("first_broken")).toInteger(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTickets)
#include "tst_tickets.moc"
