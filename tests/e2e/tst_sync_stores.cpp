// SPDX-License-Identifier: GPL-3.0-or-later
// HQ and two stores as real processes, on PostgreSQL and on SQLite: a price set at HQ is
// what both stores' next sale charges within 2 s; sales at both stores reach HQ once each
// and HQ's reports add up to the stores' own; a transfer goes from A to B, arrives short,
// and the difference shows at A, B and HQ until HQ resolves it; with HQ down the stores
// keep selling and catch up after; a stopped store shows disconnected.
#include "syncrig.h"

#include "support/backendcall.h"
#include "support/records.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace pos;
using namespace pos::test;

class SyncStoresTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncRig> m_rig;
    StoreNode *m_a = nullptr;
    StoreNode *m_b = nullptr;

    QJsonObject status(const StoreNode &store)
    {
        const auto all = m_rig->atHq(QStringLiteral("get_sync_status"));
        for (const auto &s :
             all ? all->toObject().value(QStringLiteral("stores")).toArray() : QJsonArray()) {
            if (s.toObject().value(QStringLiteral("store_id")).toString() == store.id) {
                return s.toObject();
            }
        }
        return {};
    }

    qint64 salesAtHq()
    {
        return SyncRig::scalar(m_rig->hqDb().db(), QStringLiteral("SELECT COUNT(*) FROM sales"));
    }

    static qint64 outbox(StoreNode &store)
    {
        return SyncRig::scalar(store.db->db(), QStringLiteral("SELECT COUNT(*) FROM outbox"));
    }

    // Every product's on-hand at a store, as the store and as HQ add up its movements.
    QList<qint64> stock(Database &db, const StoreNode &store)
    {
        QList<qint64> out;
        for (int p = 0; p < 3; ++p) {
            out << SyncRig::scalar(db,
                                   QStringLiteral("SELECT COALESCE(SUM(quantity), 0) FROM "
                                                  "stock_movements WHERE store_id = ? AND "
                                                  "product_id = ?"),
                                   {store.id, m_rig->productId(p)});
        }
        return out;
    }

    // Whether `store` has pulled the store `id` from HQ.
    bool knows(const StoreNode &store, const QString &id)
    {
        const auto page = call(*store.api, QStringLiteral("get_stores"));
        for (const auto &s :
             page ? page->toObject().value(QStringLiteral("items")).toArray() : QJsonArray()) {
            if (s.toObject().value(QStringLiteral("id")).toString() == id) {
                return true;
            }
        }
        return false;
    }

    QJsonObject transferAt(HttpBackend &api, const QString &id)
    {
        const auto page = call(api, QStringLiteral("get_transfers"));
        for (const auto &t :
             page ? page->toObject().value(QStringLiteral("items")).toArray() : QJsonArray()) {
            if (t.toObject().value(QStringLiteral("id")).toString() == id) {
                return t.toObject();
            }
        }
        return {};
    }

    static QString statusOf(const QJsonObject &transfer)
    {
        return transfer.value(QStringLiteral("status")).toString();
    }

    QJsonObject report(HttpBackend &api, const char *command, const char *by)
    {
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const auto r = call(api, QLatin1String(command),
                            {{QStringLiteral("from"), today},
                             {QStringLiteral("to"), today},
                             {QStringLiteral("by"), QLatin1String(by)}});
        return r ? r->toObject() : QJsonObject();
    }

    static qint64 total(const QJsonObject &report)
    {
        return report.value(QStringLiteral("total")).toInteger();
    }

private slots:
    void initTestCase_data() { addEngineRows(); }

    void init()
    {
        QFETCH_GLOBAL(Engine, engine);
        m_rig = std::make_unique<SyncRig>(engine);
        POS_VERIFY_OK(m_rig->startHq());
        POS_VERIFY_OK(m_rig->seedCatalog(3));
        // Store A pushes two records a batch: the next batch is read while HQ takes one.
        QProcessEnvironment small;
        small.insert(QStringLiteral("SYNC_PUSH_BATCH"), QStringLiteral("2"));
        auto a = m_rig->addStore(QStringLiteral("ST01"), {}, small);
        POS_VERIFY_OK(a);
        auto b = m_rig->addStore(QStringLiteral("ST02"));
        POS_VERIFY_OK(b);
        m_a = *a;
        m_b = *b;
        QTRY_VERIFY_WITH_TIMEOUT(status(*m_a).value(QStringLiteral("connected")).toBool()
                                         && status(*m_b).value(QStringLiteral("connected")).toBool(),
                                 15000);
        // Each store learns of the other through its own pull: A's first one may have run
        // before B existed at HQ.
        for (const auto &[from, other] : {std::pair{m_a, m_b}, std::pair{m_b, m_a}}) {
            QTRY_VERIFY_WITH_TIMEOUT(knows(*from, other->id), 15000);
        }
    }

    void cleanup() { m_rig.reset(); }

    // Why: a price set at head office must be what every till charges, at once.
    void priceReachesBothStores()
    {
        QCOMPARE(m_rig->price(*m_a, 0), 1000);
        // Pulled products are found by name at the store too (their search words are
        // rebuilt there).
        const auto found = call(*m_b->api, QStringLiteral("get_products"),
                                {{QStringLiteral("q"), QStringLiteral("produc 2")}});
        POS_VERIFY_OK(found);
        QCOMPARE(found->toObject().value(QStringLiteral("items")).toArray().size(), 1);
        auto product = call(m_rig->hq(), QStringLiteral("get_product"),
                            {{QStringLiteral("id"), m_rig->productId(0)}});
        POS_VERIFY_OK(product);
        QJsonObject changed = product->toObject();
        changed.insert(QStringLiteral("price"), 1250);
        POS_VERIFY_OK(m_rig->atHq(QStringLiteral("put_product"), changed));
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->price(*m_a, 0), 1250, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->price(*m_b, 0), 1250, 2000);
        // The next sale at each store charges it, and HQ receives it at that price.
        POS_VERIFY_OK(m_rig->sell(*m_a, 0, 2));
        POS_VERIFY_OK(m_rig->sell(*m_b, 0, 1));
        QTRY_COMPARE_WITH_TIMEOUT(salesAtHq(), 2, 10000);
        QCOMPARE(SyncRig::scalar(m_rig->hqDb().db(),
                                 QStringLiteral("SELECT SUM(total) FROM sales")),
                 3 * 1250);
        // A product retired at HQ leaves both stores' shelves the same way.
        POS_VERIFY_OK(m_rig->atHq(QStringLiteral("delete_product"),
                                  {{QStringLiteral("id"), m_rig->productId(2)}}));
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->price(*m_a, 2), -1, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->price(*m_b, 2), -1, 2000);
        QCOMPARE(m_rig->price(*m_a, 1), 1100);
    }

    // Why: a record HQ cannot take must be kept and shown, and must not hold up the rest.
    void refusedRecordIsQuarantined()
    {
        // A product made at the store only: HQ has never heard of it.
        const QString local = QUuid::createUuid().toString(QUuid::WithoutBraces);
        POS_VERIFY_OK(call(*m_a->api, QStringLiteral("put_product"),
                           productRecord({.id = local,
                                          .sku = QStringLiteral("LOCAL-1"),
                                          .name = QStringLiteral("Pan de la casa"),
                                          .department = m_rig->departmentId(),
                                          .barcodes = QJsonArray(),
                                          .taxIds = QJsonArray(),
                                          .price = 500,
                                          .cost = 100})));
        QJsonObject sale = m_rig->saleRecord(*m_a, 0, 1, 500,
                                             QUuid::createUuid().toString(QUuid::WithoutBraces));
        QJsonArray lines = sale.value(QStringLiteral("lines")).toArray();
        QJsonObject line = lines.at(0).toObject();
        line.insert(QStringLiteral("product_id"), local);
        lines.replace(0, line);
        sale.insert(QStringLiteral("lines"), lines);
        POS_VERIFY_OK(call(*m_a->api, QStringLiteral("create_sale"), sale));
        POS_VERIFY_OK(m_rig->sell(*m_a, 1, 1));
        QTRY_COMPARE_WITH_TIMEOUT(salesAtHq(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status(*m_a).value(QStringLiteral("quarantined")).toInteger(), 1,
                                  10000);
        const auto held = m_rig->atHq(QStringLiteral("get_quarantine"));
        POS_VERIFY_OK(held);
        const QJsonArray items = held->toObject().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject record = items.at(0).toObject();
        QCOMPARE(record.value(QStringLiteral("id")).toString(),
                 sale.value(QStringLiteral("id")).toString());
        QCOMPARE(record.value(QStringLiteral("store_code")).toString(), QStringLiteral("ST01"));
        QVERIFY(!record.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(record.value(QStringLiteral("data"))
                         .toObject()
                         .value(QStringLiteral("row"))
                         .toObject()
                         .value(QStringLiteral("total"))
                         .toInteger(),
                 500);
        // The store keeps it too, marked rejected, and its outbox holds nothing else.
        QCOMPARE(SyncRig::scalar(m_a->db->db(),
                                 QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = "
                                                "'rejected' AND kind = 'sale'")),
                 1);
        QTRY_COMPARE_WITH_TIMEOUT(outbox(*m_a), 1, 10000);
    }

    // Why: HQ reads a pushed batch in place (PushBody) instead of through the dispatcher's
    // codec; a body that is not the batch the command table describes must still be
    // refused whole, naming what is wrong, with nothing taken from it.
    void malformedBatchIsRefusedWhole()
    {
        HttpBackend hq(QUrl(m_rig->hqProcess().baseUrl()));
        const auto session = call(hq, QStringLiteral("sync_login"),
                                  {{QStringLiteral("token"),
                                    m_a->env.value(QStringLiteral("SYNC_TOKEN"))}});
        POS_VERIFY_OK(session);
        hq.setToken(session->toObject().value(QStringLiteral("token")).toString());
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject row{{QStringLiteral("code"), QStringLiteral("C-PUSH")},
                              {QStringLiteral("name"), QStringLiteral("Cliente de prueba")},
                              {QStringLiteral("name_folded"), QStringLiteral("cliente de prueba")},
                              {QStringLiteral("email"), QString()},
                              {QStringLiteral("phone"), QString()},
                              {QStringLiteral("tax_id"), QString()},
                              {QStringLiteral("tax_exempt"), false},
                              {QStringLiteral("active"), true}};
        QJsonObject customer{{QStringLiteral("kind"), QStringLiteral("customer")},
                             {QStringLiteral("id"), id},
                             {QStringLiteral("revision"), 1},
                             {QStringLiteral("data"),
                              QJsonObject{{QStringLiteral("row"), row},
                                          {QStringLiteral("parts"), QJsonObject()}}}};
        const auto batch = [](const QJsonArray &records) {
            return QJsonObject{{QStringLiteral("pending"), records.size()},
                               {QStringLiteral("records"), records}};
        };
        QJsonObject dataNotObject = customer;
        dataNotObject.insert(QStringLiteral("data"), 5);
        QJsonObject noId = customer;
        noId.remove(QStringLiteral("id"));
        QJsonObject extra = batch({customer});
        extra.insert(QStringLiteral("extra"), 1);
        const QList<std::pair<QJsonObject, QString>> refused{
                {batch({}), QStringLiteral("records")},
                {batch({dataNotObject}), QStringLiteral("records[0].data")},
                {batch({noId}), QStringLiteral("records[0].id")},
                {extra, QStringLiteral("extra")},
        };
        for (const auto &[body, field] : refused) {
            const auto answer = call(hq, QStringLiteral("push_records"), body);
            QVERIFY2(!answer, qPrintable(field));
            const QString said = answer.error().message + answer.error().details.join(u' ');
            QVERIFY2(said.contains(field), qPrintable(said));
        }
        // Not JSON at all, sent as it is.
        QNetworkAccessManager net;
        QNetworkRequest req(QUrl(m_rig->hqProcess().baseUrl() + QStringLiteral("api/sync/push")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        req.setRawHeader("Authorization", "Bearer " + hq.token().toUtf8());
        QNetworkReply *reply = net.post(req, QByteArrayLiteral("{\"records\": [nope"));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QVERIFY(reply->readAll().contains("\"code\":\"bad_request\""));
        reply->deleteLater();
        const QString held = QStringLiteral("SELECT COUNT(*) FROM customers WHERE id = ?");
        QCOMPARE(SyncRig::scalar(m_rig->hqDb().db(), held, {id}), 0);
        // The same record in a well-formed batch is taken.
        const auto taken = call(hq, QStringLiteral("push_records"), batch({customer}));
        POS_VERIFY_OK(taken);
        const QJsonObject result
                = taken->toObject().value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(SyncRig::scalar(m_rig->hqDb().db(), held, {id}), 1);
    }

    // Why: a record HQ must wait for (a session after a gap in its register's sequence)
    // holds up the sales in it, even those already read into the next batch: sent ahead,
    // they would name a session HQ does not hold and be quarantined for nothing.
    void recordsAfterOneThatWaitsWaitWithIt()
    {
        POS_VERIFY_OK(m_rig->sell(*m_a, 0, 1));
        QTRY_COMPARE_WITH_TIMEOUT(outbox(*m_a), 0, 10000);
        const qint64 atHq = salesAtHq();
        // A sale in the first session just before, most likely in the same batch as the
        // session that must wait: that batch makes progress, and the one read ahead of its
        // answer holds sales of the waiting session.
        POS_VERIFY_OK(m_rig->sell(*m_a, 1, 1));
        // A second session on the register whose number skips one HQ has not seen.
        const QString later = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        auto conn = m_a->db->db().connection();
        POS_VERIFY_OK(conn);
        POS_VERIFY_OK(exec(*conn,
                           QStringLiteral("INSERT INTO register_sessions (id, store_id, "
                                          "register_id, cashier_id, sequence, business_date, "
                                          "opened_at, opening_float, status) VALUES (?, ?, ?, ?, "
                                          "3, ?, ?, 0, 'open')"),
                           {later, m_a->id, m_a->registerId, m_a->cashierId,
                            QDate::currentDate().toString(Qt::ISODate), now}));
        POS_VERIFY_OK(exec(*conn,
                           QStringLiteral("INSERT INTO outbox (kind, record_id, queued_at) "
                                          "VALUES ('session', ?, ?)"),
                           {later, now}));
        const QString first = std::exchange(m_a->session, later);
        for (int i = 0; i < 7; ++i) {
            POS_VERIFY_OK(m_rig->sell(*m_a, i % 3, 1));
        }
        // HQ answers "retry" to the session and to what follows it, batch after batch.
        QTest::qWait(3000);
        QVERIFY(salesAtHq() <= atHq + 1);
        QCOMPARE(SyncRig::scalar(m_rig->hqDb().db(),
                                 QStringLiteral("SELECT COUNT(*) FROM sync_quarantine")),
                 0);
        QVERIFY(outbox(*m_a) >= 8);
        // The gap closes: the session and every sale after it go through.
        POS_VERIFY_OK(exec(*conn,
                           QStringLiteral("UPDATE register_sessions SET sequence = 2 "
                                          "WHERE id = ?"),
                           {later}));
        QTRY_COMPARE_WITH_TIMEOUT(outbox(*m_a), 0, 40000);
        QCOMPARE(salesAtHq(), atHq + 8);
        QCOMPARE(SyncRig::scalar(m_rig->hqDb().db(),
                                 QStringLiteral("SELECT COUNT(*) FROM sync_quarantine")),
                 0);
        m_a->session = first;
    }

    // Why: head office must hold every sale once, and its reports must add up to the
    // stores' own.
    void salesReachHqAndReportsAgree()
    {
        for (int i = 0; i < 6; ++i) {
            POS_VERIFY_OK(m_rig->sell(i % 2 == 0 ? *m_a : *m_b, i % 3, 1 + i % 2));
        }
        QTRY_COMPARE_WITH_TIMEOUT(salesAtHq(), 6, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(outbox(*m_a) + outbox(*m_b), 0, 10000);
        const QJsonObject byStore = report(m_rig->hq(), "get_hq_sales_report", "store");
        const qint64 a = total(report(*m_a->api, "get_sales_report", "hour"));
        const qint64 b = total(report(*m_b->api, "get_sales_report", "hour"));
        QVERIFY(a > 0 && b > 0);
        QCOMPARE(total(byStore), a + b);
        for (const auto &row : byStore.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject r = row.toObject();
            QCOMPARE(r.value(QStringLiteral("amount")).toInteger(),
                     r.value(QStringLiteral("key")).toString() == m_a->id ? a : b);
        }
        for (const char *by : {"product", "department"}) {
            QCOMPARE(total(report(m_rig->hq(), "get_hq_sales_report", by)),
                     total(report(*m_a->api, "get_sales_report", by))
                             + total(report(*m_b->api, "get_sales_report", by)));
        }
        QCOMPARE(total(report(m_rig->hq(), "get_hq_sales_report", "day")), a + b);
        QCOMPARE(stock(m_rig->hqDb().db(), *m_a), stock(m_a->db->db(), *m_a));
        QCOMPARE(stock(m_rig->hqDb().db(), *m_b), stock(m_b->db->db(), *m_b));
        const QJsonObject s = status(*m_a);
        QCOMPARE(s.value(QStringLiteral("pending")).toInteger(), 0);
        QCOMPARE(s.value(QStringLiteral("quarantined")).toInteger(), 0);
        QVERIFY(!s.value(QStringLiteral("last_push_at")).isNull());
    }

    // Why: goods move between stores; what arrives short must stay visible until settled.
    void transferFromAToB()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject
                send{{QStringLiteral("id"), id},
                     {QStringLiteral("to_store_id"), m_b->id},
                     {QStringLiteral("note"), QStringLiteral("reposición")},
                     {QStringLiteral("lines"),
                      QJsonArray{QJsonObject{{QStringLiteral("product_id"), m_rig->productId(1)},
                                             {QStringLiteral("quantity"), 10000}},
                                 QJsonObject{{QStringLiteral("product_id"), m_rig->productId(2)},
                                             {QStringLiteral("quantity"), 4000}}}}};
        const auto sent = call(*m_a->api, QStringLiteral("send_transfer"), send);
        POS_VERIFY_OK(sent);
        QCOMPARE(statusOf(sent->toObject()), QStringLiteral("in_transit"));
        QCOMPARE(stock(m_a->db->db(), *m_a), (QList<qint64>{0, -10000, -4000}));
        // HQ routes it: B sees it in transit.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(transferAt(*m_b->api, id)), QStringLiteral("in_transit"),
                                  10000);
        // Eight arrive and one is damaged; the second product does not come at all.
        const auto received = call(*m_b->api, QStringLiteral("receive_transfer"),
                                   {{QStringLiteral("id"), id},
                                    {QStringLiteral("lines"),
                                     QJsonArray{QJsonObject{{QStringLiteral("product_id"),
                                                             m_rig->productId(1)},
                                                            {QStringLiteral("received"), 8000},
                                                            {QStringLiteral("damaged"), 1000}}}}});
        POS_VERIFY_OK(received);
        QCOMPARE(statusOf(received->toObject()), QStringLiteral("received"));
        QCOMPARE(stock(m_b->db->db(), *m_b), (QList<qint64>{0, 8000, 0}));
        // The difference shows at HQ and back at A.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(transferAt(m_rig->hq(), id)), QStringLiteral("received"),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(transferAt(*m_a->api, id)), QStringLiteral("received"),
                                  10000);
        const QJsonArray lines = transferAt(*m_a->api, id).value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 2);
        qint64 received8 = 0;
        qint64 damaged1 = 0;
        for (const auto &l : lines) {
            received8 += l.toObject().value(QStringLiteral("received")).toInteger();
            damaged1 += l.toObject().value(QStringLiteral("damaged")).toInteger();
        }
        QCOMPARE(received8, 8000);
        QCOMPARE(damaged1, 1000);
        // Stock at HQ is each store's own ledger.
        QTRY_COMPARE_WITH_TIMEOUT(stock(m_rig->hqDb().db(), *m_b), stock(m_b->db->db(), *m_b),
                                  10000);
        QCOMPARE(stock(m_rig->hqDb().db(), *m_a), stock(m_a->db->db(), *m_a));
        // HQ settles it; both stores see it closed.
        const auto resolved = m_rig->atHq(QStringLiteral("resolve_transfer"),
                                          {{QStringLiteral("id"), id},
                                           {QStringLiteral("resolution"),
                                            QStringLiteral("carrier pays the missing boxes")}});
        POS_VERIFY_OK(resolved);
        QCOMPARE(statusOf(resolved->toObject()), QStringLiteral("closed"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(transferAt(*m_a->api, id)), QStringLiteral("closed"),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(transferAt(*m_b->api, id)), QStringLiteral("closed"),
                                  10000);
        // Receiving again changes nothing.
        const auto again = call(*m_b->api, QStringLiteral("receive_transfer"),
                                {{QStringLiteral("id"), id},
                                 {QStringLiteral("lines"),
                                  QJsonArray{QJsonObject{{QStringLiteral("product_id"),
                                                          m_rig->productId(1)},
                                                         {QStringLiteral("received"), 10000},
                                                         {QStringLiteral("damaged"), 0}}}}});
        POS_VERIFY_OK(again);
        QCOMPARE(stock(m_b->db->db(), *m_b), (QList<qint64>{0, 8000, 0}));
    }

    // Why: a store must sell through a head-office outage and lose nothing.
    void storesSellWhileHqIsDown()
    {
        POS_VERIFY_OK(m_rig->sell(*m_a, 0, 1));
        QTRY_COMPARE_WITH_TIMEOUT(salesAtHq(), 1, 10000);
        m_rig->hqProcess().process().kill();
        m_rig->hqProcess().process().waitForFinished(10000);
        for (int i = 0; i < 3; ++i) {
            POS_VERIFY_OK(m_rig->sell(*m_a, 1, 1));
            POS_VERIFY_OK(m_rig->sell(*m_b, 2, 2));
        }
        QVERIFY(outbox(*m_a) >= 3);
        POS_VERIFY_OK(m_rig->restartHq(false));
        QTRY_COMPARE_WITH_TIMEOUT(salesAtHq(), 7, 40000);
        QTRY_COMPARE_WITH_TIMEOUT(outbox(*m_a) + outbox(*m_b), 0, 10000);
        // A store that stops shows disconnected.
        m_b->process->process().kill();
        QTRY_VERIFY_WITH_TIMEOUT(!status(*m_b).value(QStringLiteral("connected")).toBool(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(status(*m_a).value(QStringLiteral("connected")).toBool(), 40000);
    }
};

QTEST_GUILESS_MAIN(SyncStoresTest)
#include "tst_sync_stores.moc"
