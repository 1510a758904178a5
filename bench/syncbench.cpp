// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario d: sync on PostgreSQL, with hq-server and store-server as processes.
// - Initial pull: an empty store pulls a generated catalog, timed from the store's start
//   until HQ sees it caught up; against PostgreSQL COPY loading the same rows into copies
//   of the same tables (indexes included) in the store's database.
// - Push: sales written straight into the stopped store's tables and outbox, then timed
//   from the store's start until its outbox is empty; against PostgreSQL COPY loading the
//   rows HQ then holds into copies of HQ's tables (indexes included).
// - A price changed at HQ, timed until the store's scan answers it.
#include "catalogdata.h"
#include "rawhttp.h"
#include "scenarios.h"
#include "serverenv.h"
#include "support/records.h"

#include "core/base/recordid.h"
#include "core/db/transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QThread>
#include <QUrl>

#include <latch>

namespace pos::bench {

namespace {

const QString kRegister = QStringLiteral("6f1c3a52-0000-4000-8000-00000000a002");

struct Link
{
    std::unique_ptr<BenchDatabase> hqDb;
    std::unique_ptr<BenchDatabase> storeDb;
    std::unique_ptr<ServerProc> hq;
    std::unique_ptr<ServerProc> store;
    std::unique_ptr<RawHttp> atHq;
    std::unique_ptr<RawHttp> atStore;
    QString token;
};

// HQ with its catalog, the store and its register and sync token at HQ.
// A kept HQ's stores as if they had never pulled, so that a new store's first pull is
// waited for.
Status forgetPulls(Database &hq)
{
    auto conn = hq.connection();
    auto q = conn ? exec(*conn, QStringLiteral("UPDATE store_credentials SET last_seen_at = NULL, "
                                               "pulled_version = 0"))
                  : Result<QSqlQuery>(fail(conn.error()));
    return q ? Status{} : fail(q.error());
}

// A store at HQ with one register; its sync token.
Result<QString> addStore(RawHttp &hq, const QJsonObject &store, const QString &registerId)
{
    const QByteArray id = store.value(QStringLiteral("id")).toString().toLatin1();
    const QJsonObject reg{{QStringLiteral("id"), registerId},
                          {QStringLiteral("store_id"), QString::fromLatin1(id)},
                          {QStringLiteral("number"), 1},
                          {QStringLiteral("name"), QStringLiteral("Caja 1")},
                          {QStringLiteral("active"), true}};
    for (const auto &[method, path, body] :
         {std::tuple{"PUT", "/api/stores/" + id, store},
          std::tuple{"PUT", "/api/registers/" + registerId.toLatin1(), reg}}) {
        if (auto done = hq.call(method, path, body); !done) {
            return fail(done.error());
        }
    }
    auto token = hq.call("POST", "/api/stores/" + id + "/sync-token");
    if (!token) {
        return fail(token.error());
    }
    return token->toObject().value(QStringLiteral("token")).toString();
}

// HQ's database is named after its catalog's size, so that a kept one (POS_BENCH_KEEP) is
// reused (POS_BENCH_REUSE) only where the same size is asked for.
Status setUpHq(const Config &config, Link &link, int products)
{
    auto hqDb = BenchDatabase::create(Engine::PostgreSql, config.pgUrl,
                                      QStringLiteral("hq_%1").arg(products));
    auto storeDb = BenchDatabase::create(Engine::PostgreSql, config.pgUrl, QStringLiteral("store"),
                                         Reuse::Never);
    if (!hqDb || !storeDb) {
        return fail((!hqDb ? hqDb : storeDb).error());
    }
    link.hqDb = std::move(*hqDb);
    link.storeDb = std::move(*storeDb);
    // POS_BENCH_REUSE: HQ's catalog as a kept run left it, with its store never pulled.
    if (link.hqDb->reused()) {
        if (auto forgotten = forgetPulls(link.hqDb->db()); !forgotten) {
            return forgotten;
        }
    } else if (auto seeded = seedCatalog(link.hqDb->db(), true, products); !seeded) {
        return fail(seeded.error());
    }
    link.hq = std::make_unique<ServerProc>(config.hqServer, serverEnv(link.hqDb->url()));
    if (!link.hq->start(kStartMs)) {
        return fail(ErrorCode::Unavailable, link.hq->output());
    }
    link.atHq = std::make_unique<RawHttp>(QStringLiteral("127.0.0.1"), link.hq->port());
    if (auto in = link.atHq->logIn(); !in) {
        return in;
    }
    auto token = addStore(*link.atHq, storeRecord(), kRegister);
    if (!token) {
        return fail(token.error());
    }
    link.token = *token;
    return {};
}

Status startStore(const Config &config, Link &link)
{
    QProcessEnvironment env = serverEnv(link.storeDb->url());
    env.insert(QStringLiteral("HQ_URL"), link.hq->baseUrl());
    env.insert(QStringLiteral("SYNC_TOKEN"), link.token);
    env.insert(QStringLiteral("SYNC_INTERVAL_MS"), QStringLiteral("600000"));
    link.store = std::make_unique<ServerProc>(config.storeServer, env);
    if (!link.store->start(kStartMs)) {
        return fail(ErrorCode::Unavailable, link.store->output());
    }
    link.atStore = std::make_unique<RawHttp>(QStringLiteral("127.0.0.1"), link.store->port());
    return {};
}

// Whether the store has written every change HQ has: HQ has nothing after the cursor the
// store saved with its last page (in the page's own transaction).
Result<bool> storeHasAll(Link &link)
{
    auto conn = link.storeDb->db().connection();
    auto q = conn ? exec(*conn, QStringLiteral("SELECT pull_cursor FROM sync_state WHERE id = 1"))
                  : Result<QSqlQuery>(fail(conn.error()));
    if (!q) {
        return fail(q.error());
    }
    const QString cursor = q->next() ? q->value(0).toString() : QString();
    if (cursor.isEmpty()) {
        return false;
    }
    auto after = link.atHq->call("GET", "/api/sync/changes?limit=1&cursor="
                                                + QUrl::toPercentEncoding(cursor));
    if (!after) {
        return fail(after.error());
    }
    return after->toObject().value(QStringLiteral("changes")).toArray().isEmpty();
}

// Waits until HQ sees the store caught up with everything it has.
Status hqSeesCaughtUp(Link &link, int timeoutSeconds)
{
    const auto t0 = Clock::now();
    while (msSince(t0) < timeoutSeconds * 1000.0) {
        auto status = link.atHq->call("GET", "/api/sync/status");
        if (!status) {
            return fail(status.error());
        }
        for (const auto &s : status->toObject().value(QStringLiteral("stores")).toArray()) {
            const QJsonObject o = s.toObject();
            if (o.value(QStringLiteral("store_id")).toString() == QLatin1String(kStoreId)
                && !o.value(QStringLiteral("last_pull_at")).isNull()
                && o.value(QStringLiteral("lag")).toInteger() == 0) {
                return {};
            }
        }
        QThread::msleep(100);
    }
    return fail(ErrorCode::Timeout, QStringLiteral("the store did not catch up"));
}

// Waits until the store has written everything HQ has. HQ's status says when it has sent
// the last page; the store may still be writing the pages it holds then (a first pull
// builds its indexes with its last page).
Status caughtUp(Link &link, int timeoutSeconds)
{
    const auto t0 = Clock::now();
    if (auto sent = hqSeesCaughtUp(link, timeoutSeconds); !sent) {
        return sent;
    }
    while (msSince(t0) < timeoutSeconds * 1000.0) {
        if (auto done = storeHasAll(link); !done || *done) {
            return done ? Status{} : fail(done.error());
        }
        QThread::msleep(100);
    }
    return fail(ErrorCode::Timeout, QStringLiteral("the store did not catch up"));
}

// COPY of the rows already in `tables` into copies of the same tables, indexes included
// (foreign keys are not part of LIKE ... INCLUDING ALL): the load itself, without HTTP,
// JSON or the product's own checks. The database's own limit for the same rows.
Result<double> copySeconds(Database &db, const QStringList &tables)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    double seconds = 0;
    for (const QString &name : tables) {
        const QString file = QStringLiteral("/tmp/pos-bench-copy-%1").arg(name);
        for (const QString &sql :
             {QStringLiteral("COPY %1 TO '%2'").arg(name, file),
              QStringLiteral("CREATE TABLE copy_%1 (LIKE %1 INCLUDING ALL)").arg(name)}) {
            if (auto q = exec(*conn, sql); !q) {
                return fail(q.error());
            }
        }
        const auto t0 = Clock::now();
        if (auto q = exec(*conn, QStringLiteral("COPY copy_%1 FROM '%2'").arg(name, file)); !q) {
            return fail(q.error());
        }
        seconds += msSince(t0) / 1000;
        if (auto dropped = exec(*conn, QStringLiteral("DROP TABLE copy_%1").arg(name)); !dropped) {
            return fail(dropped.error());
        }
        QFile::remove(file);
    }
    return seconds;
}

Result<QJsonObject> pull(const Config &config, int products)
{
    Link link;
    if (auto ok = setUpHq(config, link, products); !ok) {
        return fail(ok.error());
    }
    qInfo("sync: HQ ready, the store pulls");
    const auto t0 = Clock::now();
    if (auto ok = startStore(config, link); !ok) {
        return fail(ok.error());
    }
    if (auto ok = hqSeesCaughtUp(link, 1800); !ok) {
        return fail(ok.error());
    }
    const double sent = msSince(t0) / 1000; // HQ has sent its last page
    if (auto ok = caughtUp(link, 1800); !ok) {
        return fail(ok.error());
    }
    const double seconds = msSince(t0) / 1000;
    qInfo("sync: HQ sent the last page after %.1f s, the store had written it after %.1f s", sent,
          seconds);
    auto copy = copySeconds(link.storeDb->db(),
                            {QStringLiteral("products"), QStringLiteral("product_barcodes"),
                             QStringLiteral("product_taxes"), QStringLiteral("product_words")});
    if (!copy) {
        return fail(copy.error());
    }
    return QJsonObject{{QStringLiteral("products"), products},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("hq_sent_seconds"), sent},
                       {QStringLiteral("rows_per_second"), products / seconds},
                       {QStringLiteral("copy_seconds"), *copy},
                       {QStringLiteral("copy_ratio"), seconds / *copy}};
}

// The catalog's cash and card tenders, as HQ has them.
Result<Catalog> tendersOf(Database &hq)
{
    Catalog c{{}, QString(), QString(), {}};
    auto conn = hq.connection();
    auto q = conn ? exec(*conn, QStringLiteral("SELECT id, code FROM tenders"))
                  : Result<QSqlQuery>(fail(conn.error()));
    if (!q) {
        return fail(q.error());
    }
    while (q->next()) {
        (q->value(1).toString() == QLatin1String("CASH") ? c.cashId : c.cardId)
                = q->value(0).toString();
    }
    return c;
}

Result<QJsonObject> push(const Config &config)
{
    Link link;
    if (auto ok = setUpHq(config, link, 1000); !ok) {
        return fail(ok.error());
    }
    if (auto ok = startStore(config, link); !ok) {
        return fail(ok.error());
    }
    Status in = link.atStore->logIn();
    for (int tries = 0; !in && tries < 100; ++tries) { // the admin arrives with the first pull
        QThread::msleep(100);
        in = link.atStore->logIn();
    }
    const QString session = newRecordIdText();
    auto opened = in ? link.atStore->call("POST", "/api/sessions",
                                          {{QStringLiteral("id"), session},
                                           {QStringLiteral("register_id"), kRegister},
                                           {QStringLiteral("opening_float"), 0}})
                     : Result<QJsonValue>(fail(in.error()));
    if (!opened) {
        return fail(opened.error());
    }
    QThread::sleep(1); // the session's own push goes first
    link.store.reset();
    auto c = tendersOf(link.hqDb->db());
    auto written = c ? writeSales(link.storeDb->db(), config.pushSales,
                                  {kRegister, session, link.atStore->userId()}, *c, true)
                     : Status(fail(c.error()));
    if (!written) {
        return fail(written.error());
    }
    qInfo("sync: sales written, the store pushes");
    const auto t0 = Clock::now();
    if (auto ok = startStore(config, link); !ok) {
        return fail(ok.error());
    }
    auto conn = link.storeDb->db().connection();
    if (!conn) {
        return fail(conn.error());
    }
    qint64 left = -1;
    while (left != 0 && msSince(t0) < 3600 * 1000.0) {
        QThread::msleep(50);
        // Whether any is left, not how many: counting them every 50 ms took a few percent
        // of the machine from the push it measures.
        auto n = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE "
                                            "status = 'pending' LIMIT 1) AS one"));
        left = n && n->next() ? n->value(0).toLongLong() : -1;
        link.store->output(); // keep its pipe drained
    }
    const double seconds = msSince(t0) / 1000;
    auto hq = link.hqDb->db().connection();
    // Every row a sale brought: the sale, its lines, payments and stock movements.
    auto at = hq ? exec(*hq, QStringLiteral("SELECT (SELECT COUNT(*) FROM sales), (SELECT "
                                            "COUNT(*) FROM sale_lines) + (SELECT COUNT(*) FROM "
                                            "sale_payments) + (SELECT COUNT(*) FROM "
                                            "stock_movements WHERE kind = 'sale')"))
                 : Result<QSqlQuery>(fail(hq.error()));
    const bool counted = at && at->next();
    const qint64 arrived = counted ? at->value(0).toLongLong() : -1;
    const qint64 rows = counted ? arrived + at->value(1).toLongLong() : 0;
    if (arrived != config.pushSales) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("HQ holds %1 of %2 sales").arg(arrived).arg(config.pushSales));
    }
    // HQ held no sales before the push, so its tables hold just the pushed rows.
    link.store.reset();
    auto copy = copySeconds(link.hqDb->db(),
                            {QStringLiteral("sales"), QStringLiteral("sale_lines"),
                             QStringLiteral("sale_payments"), QStringLiteral("stock_movements")});
    if (!copy) {
        return fail(copy.error());
    }
    return QJsonObject{{QStringLiteral("sales"), config.pushSales},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("records_per_second"), config.pushSales / seconds},
                       {QStringLiteral("rows"), rows},
                       {QStringLiteral("rows_per_second"), double(rows) / seconds},
                       {QStringLiteral("copy_seconds"), *copy},
                       {QStringLiteral("copy_records_per_second"), config.pushSales / *copy}};
}

// One store's pusher as HQ sees it: logs in with its sync token, waits for the start,
// then sends its batches one after another, each after the answer to the one before.
Status sendBatches(quint16 port, const QString &token, const QList<QByteArray> &batches,
                   std::latch &start)
{
    RawHttp login(QStringLiteral("127.0.0.1"), port);
    auto session = login.call("POST", "/api/sync/login", {{QStringLiteral("token"), token}});
    start.arrive_and_wait();
    if (!session) {
        return fail(session.error());
    }
    RawHttp http(QStringLiteral("127.0.0.1"), port,
                 session->toObject().value(QStringLiteral("token")).toString().toLatin1());
    for (const QByteArray &batch : batches) {
        if (const int status = http.request("POST", "/api/sync/push", batch); status != 200) {
            return fail(ErrorCode::Internal, QStringLiteral("push answered %1: %2")
                                                     .arg(status)
                                                     .arg(QString::fromUtf8(http.body().left(300))));
        }
        // Every record taken: a retry or a refusal would mean the figure is not HQ's.
        if (http.body().contains("\"retry\"") || http.body().contains("\"rejected\"")) {
            return fail(ErrorCode::Internal, QStringLiteral("HQ did not take every record: %1")
                                                     .arg(QString::fromUtf8(http.body().left(300))));
        }
    }
    return {};
}

// HQ's side of the push alone: the sales of `stores` stores, written by the bench as their
// pushers write them before the clock starts, sent at once, each store a batch at a time.
// On this machine the push above shares the cores with the store's own reading and
// settling; in a chain every store does that on its own machine, and HQ takes many stores.
Result<QJsonObject> ingest(const Config &config, int stores)
{
    Link link;
    if (auto ok = setUpHq(config, link, 1000); !ok) {
        return fail(ok.error());
    }
    auto c = tendersOf(link.hqDb->db());
    if (!c) {
        return fail(c.error());
    }
    const int perStore = config.pushSales / stores;
    QList<QString> tokens;
    QList<QList<QByteArray>> batches;
    for (int k = 0; k < stores; ++k) {
        const QString id = k == 0 ? QLatin1String(kStoreId)
                                  : QStringLiteral("6f1c3a52-0000-4000-8000-0000000b%1")
                                            .arg(k, 4, 10, QLatin1Char('0'));
        const QString reg = k == 0 ? kRegister
                                   : QStringLiteral("6f1c3a52-0000-4000-8000-0000000c%1")
                                             .arg(k, 4, 10, QLatin1Char('0'));
        auto token = k == 0 ? Result<QString>(link.token)
                            : addStore(*link.atHq,
                                       test::storeRecord(id,
                                                         QStringLiteral("ST%1").arg(k + 1, 2, 10,
                                                                                    QLatin1Char(
                                                                                            '0')),
                                                         QStringLiteral("Bench %1").arg(k + 1)),
                                       reg);
        if (!token) {
            return fail(token.error());
        }
        tokens << *token;
        batches << pushBatches(id, {reg, newRecordIdText(), link.atHq->userId()}, *c, perStore,
                               1000);
    }
    qInfo("sync: %d stores' batches made, HQ takes them", stores);
    std::latch start(stores + 1);
    QList<Status> outcomes(stores);
    QList<QThread *> threads;
    for (int k = 0; k < stores; ++k) {
        threads << QThread::create([&, k] {
            outcomes[k] = sendBatches(link.hq->port(), tokens.at(k), batches.at(k), start);
        });
        threads.last()->start();
    }
    start.arrive_and_wait(); // every store logged in
    const auto t0 = Clock::now();
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    const double seconds = msSince(t0) / 1000;
    for (const Status &outcome : outcomes) {
        if (!outcome) {
            return fail(outcome.error());
        }
    }
    const qint64 sales = qint64(perStore) * stores;
    auto conn = link.hqDb->db().connection();
    auto held = conn ? exec(*conn, QStringLiteral("SELECT COUNT(*) FROM sales"))
                     : Result<QSqlQuery>(fail(conn.error()));
    if (!held || !held->next() || held->value(0).toLongLong() != sales) {
        return fail(ErrorCode::Internal, QStringLiteral("HQ does not hold the %1 sales").arg(sales));
    }
    return QJsonObject{{QStringLiteral("stores"), stores},
                       {QStringLiteral("sales"), sales},
                       {QStringLiteral("seconds"), seconds},
                       {QStringLiteral("records_per_second"), double(sales) / seconds},
                       {QStringLiteral("rows_per_second"), double(sales) * 13 / seconds}};
}

Result<QJsonObject> priceChanges(const Config &config)
{
    Link link;
    if (auto ok = setUpHq(config, link, 1000); !ok) {
        return fail(ok.error());
    }
    if (auto ok = startStore(config, link); !ok) {
        return fail(ok.error());
    }
    if (auto ok = caughtUp(link, 120); !ok) {
        return fail(ok.error());
    }
    Status in = link.atStore->logIn();
    for (int tries = 0; !in && tries < 100; ++tries) {
        QThread::msleep(100);
        in = link.atStore->logIn();
    }
    if (!in) {
        return fail(in.error());
    }
    QThread::sleep(1); // the hint socket is up
    Sample s;
    for (int n = 0; n < config.priceChanges; ++n) {
        const int i = n % 1000;
        const QByteArray path = "/api/products/" + productIdOf(i).toLatin1();
        auto product = link.atHq->call("GET", path);
        if (!product) {
            return fail(product.error());
        }
        QJsonObject changed = product->toObject();
        const qint64 price = 10000 + n;
        changed.insert(QStringLiteral("price"), price);
        const auto t0 = Clock::now();
        if (auto put = link.atHq->call("PUT", path, changed); !put) {
            return fail(put.error());
        }
        const QByteArray scan = "/api/scan?code=" + barcodeOf(i).toLatin1();
        for (;;) {
            auto seen = link.atStore->call("GET", scan);
            if (seen && seen->toObject().value(QStringLiteral("unit_price")).toInteger() == price) {
                break;
            }
            if (msSince(t0) > 30000) {
                return fail(ErrorCode::Timeout, QStringLiteral("a price never reached the store"));
            }
            QThread::usleep(500);
        }
        s.ms.push_back(msSince(t0));
        s.seconds += s.ms.back() / 1000;
    }
    return s.json();
}

} // namespace

Outcome syncScenario(const Config &config)
{
    QJsonArray pulls;
    for (int products : config.pullSizes) {
        qInfo("sync: initial pull of %d products", products);
        auto p = pull(config, products);
        if (!p) {
            return {{{QStringLiteral("pull"), pulls}}, p.error().message};
        }
        pulls.append(*p);
    }
    QJsonObject out{{QStringLiteral("pull"), pulls}};
    qInfo("sync: push of %d sales", config.pushSales);
    auto pushed = push(config);
    if (!pushed) {
        return {out, pushed.error().message};
    }
    out.insert(QStringLiteral("push"), *pushed);
    QJsonArray ingests;
    for (int stores : config.ingestStores) {
        qInfo("sync: HQ takes %d sales from %d stores at once", config.pushSales, stores);
        auto taken = ingest(config, stores);
        if (!taken) {
            return {out, taken.error().message};
        }
        ingests.append(*taken);
    }
    out.insert(QStringLiteral("ingest"), ingests);
    qInfo("sync: %d price changes", config.priceChanges);
    auto changes = priceChanges(config);
    if (!changes) {
        return {out, changes.error().message};
    }
    out.insert(QStringLiteral("price_change"), *changes);
    return {out, {}};
}

} // namespace pos::bench
