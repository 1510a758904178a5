// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario e: the till (pos-bench-terminal, the real TerminalWindow offscreen) against a
// store-server on SQLite holding the generated catalog. Cold start is timed from the spawn
// to the sale screen with the catalog loaded (the till registered and its register open
// beforehand, as on any morning after the first); then resident memory and scan to line
// painted, as the till reports them.
#include "catalogdata.h"
#include "rawhttp.h"
#include "scenarios.h"
#include "serverenv.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace pos::bench {

namespace {

// The store, a register, and a cashier with PIN 1234 who may open it.
Status setUpStore(RawHttp &http)
{
    const QString role = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString user = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString reg = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QList<std::tuple<const char *, QByteArray, QJsonObject>>
            steps{{"PUT", QByteArray("/api/stores/") + kStoreId, storeRecord()},
                  {"PUT",
                   "/api/registers/" + reg.toLatin1(),
                   {{QStringLiteral("id"), reg},
                    {QStringLiteral("store_id"), QLatin1String(kStoreId)},
                    {QStringLiteral("number"), 1},
                    {QStringLiteral("name"), QStringLiteral("Caja 1")},
                    {QStringLiteral("active"), true}}},
                  {"PUT",
                   "/api/roles/" + role.toLatin1(),
                   {{QStringLiteral("id"), role},
                    {QStringLiteral("name"), QStringLiteral("Cashier")},
                    {QStringLiteral("permissions"),
                     QJsonArray{QStringLiteral("register.open"), QStringLiteral("register.close")}},
                    {QStringLiteral("discount_limit_bp"), 0}}},
                  {"PUT",
                   "/api/users/" + user.toLatin1(),
                   {{QStringLiteral("id"), user},
                    {QStringLiteral("user"),
                     QJsonObject{{QStringLiteral("id"), user},
                                 {QStringLiteral("username"), QStringLiteral("cajera")},
                                 {QStringLiteral("full_name"), QStringLiteral("Cajera")},
                                 {QStringLiteral("role_ids"), QJsonArray{role}},
                                 {QStringLiteral("store_ids"), QJsonArray()},
                                 {QStringLiteral("language"), QStringLiteral("es")},
                                 {QStringLiteral("active"), true}}},
                    {QStringLiteral("pin"), QStringLiteral("1234")}}}};
    for (const auto &[method, path, body] : steps) {
        if (auto done = http.call(method, path, body); !done) {
            return fail(done.error());
        }
    }
    return {};
}

Result<QJsonObject> runTill(const Config &config, int products)
{
    auto db = BenchDatabase::create(Engine::Sqlite, config.pgUrl, QStringLiteral("till"));
    auto seeded = db ? seedCatalog((*db)->db(), false, products)
                     : Result<Catalog>(fail(db.error()));
    if (!seeded) {
        return fail(seeded.error());
    }
    ServerProc server(config.storeServer, serverEnv((*db)->url()));
    if (!server.start(kStartMs)) {
        return fail(ErrorCode::Unavailable, server.output());
    }
    RawHttp http(QStringLiteral("127.0.0.1"), server.port());
    if (auto ok = http.logIn(); !ok) {
        return fail(ok.error());
    }
    if (auto ok = setUpStore(http); !ok) {
        return fail(ok.error());
    }
    QTemporaryDir dir;
    QStringList codes;
    for (int i = 0; i < 100; ++i) {
        codes << barcodeOf(int((qint64(i) * 7919) % products));
    }
    const QStringList common{QStringLiteral("--server"),
                             server.baseUrl(),
                             QStringLiteral("--password"),
                             QLatin1String(kAdminPassword),
                             QStringLiteral("--secrets"),
                             dir.filePath(QStringLiteral("secrets.json"))};
    QProcess setup;
    setup.start(config.terminalBench,
                common + QStringList{QStringLiteral("--phase"), QStringLiteral("setup")});
    if (!setup.waitForFinished(600000) || setup.exitCode() != 0) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("till setup: %1 %2")
                            .arg(QString::fromUtf8(setup.readAllStandardOutput()),
                                 QString::fromUtf8(setup.readAllStandardError())));
    }
    QProcess till;
    const auto t0 = Clock::now();
    till.start(config.terminalBench,
               common
                       + QStringList{QStringLiteral("--phase"), QStringLiteral("start"),
                                     QStringLiteral("--codes"), codes.join(u',')});
    double readyMs = -1;
    QByteArray said;
    while (till.waitForReadyRead(600000)) {
        said += till.readAllStandardOutput();
        if (readyMs < 0 && said.contains("ready\n")) {
            readyMs = msSince(t0);
        }
        if (said.contains("}\n") || said.contains("not ready")) {
            break;
        }
        server.output();
    }
    till.waitForFinished(60000);
    const QJsonObject report = QJsonDocument::fromJson(said.mid(said.indexOf('{'))).object();
    if (readyMs < 0 || report.isEmpty()) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("the till did not get ready: %1 %2")
                            .arg(QString::fromUtf8(said),
                                 QString::fromUtf8(till.readAllStandardError().right(500))));
    }
    return QJsonObject{{QStringLiteral("products"), products},
                       {QStringLiteral("cold_start_ms"), readyMs},
                       {QStringLiteral("resident_mib"),
                        report.value(QStringLiteral("resident_kib")).toDouble() / 1024},
                       {QStringLiteral("scan_p50_ms"), report.value(QStringLiteral("scan_p50_ms"))},
                       {QStringLiteral("scan_p99_ms"), report.value(QStringLiteral("scan_p99_ms"))},
                       {QStringLiteral("scans"), report.value(QStringLiteral("scans"))}};
}

} // namespace

Outcome terminalScenario(const Config &config)
{
    QJsonArray rows;
    QJsonObject largest;
    for (int products : config.catalogSizes) {
        qInfo("terminal: %d products", products);
        auto row = runTill(config, products);
        if (!row) {
            QJsonObject out = largest;
            out.insert(QStringLiteral("rows"), rows);
            return {out,
                    QStringLiteral("at %1 products: %2").arg(products).arg(row.error().message)};
        }
        rows.append(*row);
        largest = *row;
    }
    largest.insert(QStringLiteral("rows"), rows);
    return {largest, {}};
}

} // namespace pos::bench
