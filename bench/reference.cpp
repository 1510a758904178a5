// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario c: the HTTP layer. wrk sends the same barcode lookups to our store-server and to
// bench/reference (Fastify 5 with postgres.js doing the same work), one after the other,
// on the same PostgreSQL database, after a warm-up of each.
#include "catalogdata.h"
#include "rawhttp.h"
#include "scenarios.h"
#include "serverenv.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace pos::bench {

namespace {

constexpr const char *kLoad = "-t2 -c16";

// wrk prints latencies with their unit: 812.00us, 1.25ms, 2.00s.
double millis(const QString &value)
{
    static const QRegularExpression unit(QStringLiteral("([0-9.]+)(us|ms|s)"));
    const auto m = unit.match(value);
    const double v = m.captured(1).toDouble();
    return m.captured(2) == QLatin1String("us")  ? v / 1000
           : m.captured(2) == QLatin1String("s") ? v * 1000
                                                 : v;
}

Result<QJsonObject> wrk(quint16 port, const QString &script, int seconds)
{
    QProcess run;
    run.start(QStringLiteral("wrk"),
              QString::fromLatin1(kLoad).split(u' ')
                      + QStringList{QStringLiteral("-d%1s").arg(seconds),
                                    QStringLiteral("--latency"), QStringLiteral("-s"), script,
                                    QStringLiteral("http://127.0.0.1:%1").arg(port)});
    if (!run.waitForFinished(seconds * 1000 + 60000) || run.exitCode() != 0) {
        return fail(ErrorCode::Unavailable,
                    QStringLiteral("wrk: %1").arg(QString::fromUtf8(run.readAllStandardError())));
    }
    const QString out = QString::fromUtf8(run.readAllStandardOutput());
    static const QRegularExpression rps(QStringLiteral("Requests/sec:\\s+([0-9.]+)"));
    static const QRegularExpression p50(QStringLiteral("\\n\\s+50%\\s+(\\S+)"));
    static const QRegularExpression p99(QStringLiteral("\\n\\s+99%\\s+(\\S+)"));
    static const QRegularExpression errors(QStringLiteral("Non-2xx or 3xx responses: (\\d+)"));
    if (errors.match(out).hasMatch()) {
        return fail(ErrorCode::Internal, QStringLiteral("wrk saw errors: %1").arg(out));
    }
    return QJsonObject{{QStringLiteral("requests_per_second"),
                        rps.match(out).captured(1).toDouble()},
                       {QStringLiteral("p50_ms"), millis(p50.match(out).captured(1))},
                       {QStringLiteral("p99_ms"), millis(p99.match(out).captured(1))}};
}

Result<QString> writeScript(const QTemporaryDir &dir, const QByteArray &token, int products)
{
    QFile file(dir.filePath(QStringLiteral("lookup.lua")));
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(ErrorCode::Internal, QStringLiteral("cannot write the wrk script"));
    }
    QByteArray lua = "local codes = {";
    for (int i = 0; i < 1000; ++i) {
        lua += '"' + barcodeOf(int((qint64(i) * 7919) % products)).toLatin1() + "\",";
    }
    lua += "}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
           "  return wrk.format('GET', '/api/scan?code=' .. codes[(i % #codes) + 1], "
           "{['Authorization'] = 'Bearer "
           + token + "'})\nend\n";
    file.write(lua);
    return file.fileName();
}

} // namespace

Outcome referenceScenario(const Config &config)
{
    if (config.referenceDir.isEmpty()
        || !QFile::exists(config.referenceDir + QStringLiteral("/node_modules/fastify"))) {
        return {{}, QStringLiteral("bench/reference is not installed (./pos bench runs npm ci)")};
    }
    const int products = config.quick ? 10000 : 100000;
    const int seconds = config.quick ? 5 : 15;
    auto db = BenchDatabase::create(Engine::PostgreSql, config.pgUrl, QStringLiteral("reference"));
    auto seeded = db ? seedCatalog((*db)->db(), false, products)
                     : Result<Catalog>(fail(db.error()));
    if (!seeded) {
        return {{}, seeded.error().message};
    }
    ServerProc ours(config.storeServer, serverEnv((*db)->url()));
    if (!ours.start(kStartMs)) {
        return {{}, ours.output()};
    }
    QProcessEnvironment env = serverEnv((*db)->url());
    QProcess node;
    node.setProcessEnvironment(env);
    node.setWorkingDirectory(config.referenceDir);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral("node"), {QStringLiteral("server.js")});
    QString said;
    static const QRegularExpression listening(QStringLiteral("listening on port (\\d+)"));
    while (node.waitForReadyRead(10000)) {
        said += QString::fromUtf8(node.readAll());
        if (listening.match(said).hasMatch()) {
            break;
        }
    }
    const quint16 theirs = quint16(listening.match(said).captured(1).toUInt());
    RawHttp admin(QStringLiteral("127.0.0.1"), ours.port());
    const Status in = admin.logIn();
    auto token = in ? Result<QByteArray>(admin.token()) : Result<QByteArray>(fail(in.error()));
    QTemporaryDir dir;
    auto script = token ? writeScript(dir, *token, products) : Result<QString>(fail(token.error()));
    if (theirs == 0 || !script) {
        node.kill();
        return {{},
                theirs == 0 ? QStringLiteral("the reference did not start: %1").arg(said)
                            : script.error().message};
    }
    QJsonObject out{{QStringLiteral("products"), products},
                    {QStringLiteral("load"),
                     QStringLiteral("%1, %2 s").arg(QLatin1String(kLoad)).arg(seconds)}};
    for (const auto &[name, port] : {std::pair{"ours", ours.port()}, std::pair{"fastify", theirs}}) {
        qInfo("http reference: %s", name);
        (void)wrk(port, *script, 2); // warm-up: caches, JIT, connection pools
        auto measured = wrk(port, *script, seconds);
        if (!measured) {
            node.kill();
            return {{}, measured.error().message};
        }
        out.insert(QLatin1String(name), *measured);
    }
    node.terminate();
    node.waitForFinished(5000);
    return {out, {}};
}

} // namespace pos::bench
