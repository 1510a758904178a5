// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario b: sales committed over HTTP by 1, 4 and 16 tills at once (5 lines, 2 tenders;
// the server recomputes the totals and writes the sale, its stock movements, its outbox
// row and, where due, audit rows), on both engines; and pgbench's tpcb-like on the same
// cluster, in the same run, as the database's own measure of what it can commit.
#include "catalogdata.h"
#include "rawhttp.h"
#include "scenarios.h"
#include "serverenv.h"
#include "support/records.h"

#include "core/base/recordid.h"
#include "core/db/transaction.h"
#include "servers/common/sqlvalues.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>

#include <mutex>

namespace pos::bench {

namespace {

constexpr int kCatalog = 10000;

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

struct Till
{
    QString registerId;
    QString session;
};

QByteArray saleBody(const Till &till, const QString &cashier, const Catalog &c,
                    QRandomGenerator &random, int products)
{
    QJsonArray lines;
    qint64 total = 0;
    for (int l = 0; l < 5; ++l) {
        const int i = int(random.bounded(products));
        lines.append(QJsonObject{{QStringLiteral("id"), newRecordIdText()},
                                 {QStringLiteral("product_id"), productIdOf(i)},
                                 {QStringLiteral("description"), QStringLiteral("item")},
                                 {QStringLiteral("quantity"), 1000},
                                 {QStringLiteral("unit_price"), priceOf(i)},
                                 {QStringLiteral("discount"), 0},
                                 {QStringLiteral("total"), priceOf(i)},
                                 {QStringLiteral("price_overridden"), false}});
        total += priceOf(i);
    }
    const QJsonArray payments{QJsonObject{{QStringLiteral("id"), newRecordIdText()},
                                          {QStringLiteral("tender_id"), c.cardId},
                                          {QStringLiteral("amount"), 1000},
                                          {QStringLiteral("reference"), QString()}},
                              QJsonObject{{QStringLiteral("id"), newRecordIdText()},
                                          {QStringLiteral("tender_id"), c.cashId},
                                          {QStringLiteral("amount"), total - 1000},
                                          {QStringLiteral("reference"), QString()}}};
    const test::Till place{QLatin1String(kStoreId), till.registerId, till.session, cashier};
    return json(test::saleRecord(newRecordIdText(), place, lines, payments,
                                 {.subtotal = total, .total = total}));
}

// The store, a register and an open session per till, through the API.
Result<QList<Till>> setUpTills(RawHttp &http, int count)
{
    const QJsonObject store = storeRecord();
    if (http.request("PUT", QByteArray("/api/stores/") + kStoreId, json(store)) != 200) {
        return fail(ErrorCode::Internal, QString::fromUtf8(http.body()));
    }
    QList<Till> tills;
    for (int t = 0; t < count; ++t) {
        Till till{newRecordIdText(), newRecordIdText()};
        const QJsonObject reg{{QStringLiteral("id"), till.registerId},
                              {QStringLiteral("store_id"), QLatin1String(kStoreId)},
                              {QStringLiteral("number"), t + 1},
                              {QStringLiteral("name"), QStringLiteral("Caja %1").arg(t + 1)},
                              {QStringLiteral("active"), true}};
        const QJsonObject open{{QStringLiteral("id"), till.session},
                               {QStringLiteral("register_id"), till.registerId},
                               {QStringLiteral("opening_float"), 0}};
        if (http.request("PUT", "/api/registers/" + till.registerId.toLatin1(), json(reg)) != 200
            || http.request("POST", "/api/sessions", json(open)) != 200) {
            return fail(ErrorCode::Internal, QString::fromUtf8(http.body()));
        }
        tills << till;
    }
    return tills;
}

// `sales` earlier sales at the first till, then settled.
Status history(Database &db, int sales, const Till &till, const QString &cashier, const Catalog &c)
{
    if (auto ok = writeSales(db, sales, {till.registerId, till.session, cashier}, c, false); !ok) {
        return ok;
    }
    return settle(db);
}

// What pgbench said of a run: transactions a second and their mean latency.
struct PgbenchRun
{
    double tps = 0;
    double latencyMs = 0;
};

// pgbench with `clients` clients for `seconds` on `url`, after `script` (its own options).
Result<PgbenchRun> pgbench(const QString &url, const QStringList &script, int clients, int seconds)
{
    QProcess run;
    run.start(QStringLiteral("pgbench"),
              QStringList{QStringLiteral("-n")} + script
                      + QStringList{QStringLiteral("-c"), QString::number(clients),
                                    QStringLiteral("-j"),
                                    QString::number(std::min(clients, QThread::idealThreadCount())),
                                    QStringLiteral("-T"), QString::number(seconds), url});
    if (!run.waitForFinished(600000) || run.exitCode() != 0) {
        return fail(ErrorCode::Internal, QString::fromUtf8(run.readAllStandardError()));
    }
    static const QRegularExpression tps(QStringLiteral("tps = ([0-9.]+) \\(without"));
    static const QRegularExpression latency(QStringLiteral("latency average = ([0-9.]+) ms"));
    const QString out = QString::fromUtf8(run.readAllStandardOutput());
    return PgbenchRun{tps.match(out).captured(1).toDouble(),
                      latency.match(out).captured(1).toDouble()};
}

// The ids bench/sale.pgbench sells with: a till per pgbench client, the catalog by number.
Status idsForPgbench(Database &db, const QList<Till> &tills, const QString &cashier,
                     const Catalog &c)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    for (const QString &sql :
         {QStringLiteral("CREATE TABLE bench_tills (n INTEGER PRIMARY KEY, register_id UUID, "
                         "session_id UUID, cashier_id UUID, store_id UUID, card_id UUID, "
                         "cash_id UUID)"),
          QStringLiteral("CREATE TABLE bench_products (n INTEGER PRIMARY KEY, id UUID)"),
          // A time-ordered id, as the tills and the store server make (core/base/recordid.h).
          QStringLiteral("CREATE FUNCTION bench_record_id() RETURNS UUID VOLATILE LANGUAGE sql "
                         "AS $$ SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) "
                         "PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)"
                         "::BIGINT) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::UUID $$")}) {
        if (auto q = tx->exec(sql); !q) {
            return fail(q.error());
        }
    }
    for (int t = 0; t < tills.size(); ++t) {
        auto q = tx->exec(QStringLiteral("INSERT INTO bench_tills VALUES (?, ?, ?, ?, ?, ?, ?)"),
                          {t, tills.at(t).registerId, tills.at(t).session, cashier,
                           QLatin1String(kStoreId), c.cardId, c.cashId});
        if (!q) {
            return fail(q.error());
        }
    }
    constexpr int kRows = 500;
    for (int first = 0; first < kCatalog; first += kRows) {
        QVariantList values;
        for (int i = first; i < std::min(first + kRows, kCatalog); ++i) {
            values << i << productIdOf(i);
        }
        auto q = tx->exec(QStringLiteral("INSERT INTO bench_products VALUES %1")
                                  .arg(sql::rows(values.size() / 2, 2)),
                          values);
        if (!q) {
            return fail(q.error());
        }
    }
    return tx->commit();
}

// `tills` threads, each its own connection, selling for `seconds`.
Sample sellFor(quint16 port, const QByteArray &token, const QString &cashier, const Catalog &c,
               const QList<Till> &tills, int seconds, QString &error)
{
    Sample all;
    std::mutex merge;
    QList<QThread *> threads;
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    for (int t = 0; t < tills.size(); ++t) {
        threads << QThread::create([&, t] {
            RawHttp http(QStringLiteral("127.0.0.1"), port, token);
            QRandomGenerator random(quint32(t + 1));
            std::vector<double> mine;
            QString failure;
            while (Clock::now() < end && failure.isEmpty()) {
                const QByteArray body = saleBody(tills.at(t), cashier, c, random, kCatalog);
                const auto t0 = Clock::now();
                const int status = http.request("POST", "/api/sales", body);
                mine.push_back(msSince(t0));
                if (status != 200) {
                    failure = QStringLiteral("create_sale answered %1: %2")
                                      .arg(status)
                                      .arg(QString::fromUtf8(http.body().left(300)));
                }
            }
            const std::lock_guard lock(merge);
            all.ms.insert(all.ms.end(), mine.begin(), mine.end());
            error = failure.isEmpty() ? error : failure;
        });
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    all.seconds = msSince(start) / 1000;
    return all;
}

} // namespace

Outcome saleScenario(const Config &config)
{
    QJsonArray rows;
    const int most = *std::max_element(config.terminals.begin(), config.terminals.end());
    for (Engine engine : config.engines) {
        auto db = BenchDatabase::create(engine, config.pgUrl, QStringLiteral("sales"));
        auto catalog = db ? seedCatalog((*db)->db(), false, kCatalog)
                          : Result<Catalog>(fail(db.error()));
        if (!catalog) {
            return {{}, catalog.error().message};
        }
        ServerProc server(config.storeServer, serverEnv((*db)->url()));
        if (!server.start(kStartMs)) {
            return {{}, server.output()};
        }
        RawHttp http(QStringLiteral("127.0.0.1"), server.port());
        const QByteArray login = json({{QStringLiteral("username"), QStringLiteral("admin")},
                                       {QStringLiteral("password"), QLatin1String(kAdminPassword)}});
        if (http.request("POST", "/api/auth/login", login) != 200) {
            return {{}, QString::fromUtf8(http.body())};
        }
        const QJsonObject session = QJsonDocument::fromJson(http.body()).object();
        const QByteArray token = session.value(QStringLiteral("token")).toString().toLatin1();
        const QString cashier = session.value(QStringLiteral("user"))
                                        .toObject()
                                        .value(QStringLiteral("id"))
                                        .toString();
        RawHttp admin(QStringLiteral("127.0.0.1"), server.port(), token);
        auto tills = setUpTills(admin, most);
        if (!tills) {
            return {{}, tills.error().message};
        }
        // A store that has sold before: the planner sees tables of a real size.
        if (auto ok = history((*db)->db(), config.saleHistory, tills->first(), cashier, *catalog);
            !ok) {
            return {{}, ok.error().message};
        }
        const bool own = engine == Engine::PostgreSql;
        if (auto ok = own ? idsForPgbench((*db)->db(), *tills, cashier, *catalog) : Status{}; !ok) {
            return {{}, ok.error().message};
        }
        for (int n : config.terminals) {
            qInfo("sales: %s, %d tills", engine == Engine::Sqlite ? "sqlite" : "postgresql", n);
            QString error;
            const Sample s = sellFor(server.port(), token, cashier, *catalog, tills->mid(0, n),
                                     config.saleSeconds, error);
            if (!error.isEmpty()) {
                return {{}, error};
            }
            QJsonObject row = s.json();
            if (own) { // the same sale's statements, straight from pgbench
                qInfo("sales: the sale's own statements through pgbench, %d clients", n);
                auto sql = pgbench((*db)->url(),
                                   {QStringLiteral("-f"),
                                    QStringLiteral(POS_SOURCE_DIR "/bench/sale.pgbench")},
                                   n, config.saleSeconds);
                if (!sql) {
                    return {{}, sql.error().message};
                }
                row.insert(QStringLiteral("own_sql_tps"), sql->tps);
                row.insert(QStringLiteral("own_sql_latency_avg_ms"), sql->latencyMs);
            }
            row.insert(QStringLiteral("engine"), engine == Engine::Sqlite
                                                         ? QStringLiteral("sqlite")
                                                         : QStringLiteral("postgresql"));
            row.insert(QStringLiteral("terminals"), n);
            rows.append(row);
        }
    }
    return {{{QStringLiteral("rows"), rows}}, {}};
}

Outcome pgbenchBaseline(const Config &config)
{
    auto db = BenchDatabase::create(Engine::PostgreSql, config.pgUrl, QStringLiteral("pgbench"));
    if (!db) {
        return {{}, db.error().message};
    }
    const QString url = (*db)->url();
    const int scale = *std::max_element(config.terminals.begin(), config.terminals.end());
    QProcess init;
    init.start(QStringLiteral("pgbench"), {QStringLiteral("-i"), QStringLiteral("-q"),
                                           QStringLiteral("-s"), QString::number(scale), url});
    if (!init.waitForFinished(600000) || init.exitCode() != 0) {
        return {{}, QString::fromUtf8(init.readAllStandardError())};
    }
    QJsonArray rows;
    for (int n : config.terminals) {
        qInfo("pgbench tpcb-like, %d clients", n);
        auto run = pgbench(url, {QStringLiteral("-b"), QStringLiteral("tpcb-like")}, n,
                           config.saleSeconds);
        if (!run) {
            return {{}, run.error().message};
        }
        rows.append(QJsonObject{{QStringLiteral("clients"), n},
                                {QStringLiteral("tps"), run->tps},
                                {QStringLiteral("latency_avg_ms"), run->latencyMs}});
    }
    return {{{QStringLiteral("scale"), scale}, {QStringLiteral("rows"), rows}}, {}};
}

} // namespace pos::bench
