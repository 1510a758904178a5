// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario a: a scan (lookup_barcode) and a name search (get_products) at growing catalog
// sizes, in-process (the dispatcher the in-process binding calls) and over HTTP (a real
// store-server), on SQLite and PostgreSQL.
#include "bench.h"
#include "catalogdata.h"
#include "rawhttp.h"
#include "scenarios.h"
#include "serverenv.h"

#include "servers/common/servercore.h"
#include "servers/store/storeservices.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace pos::bench {

namespace {

QString engineName(Engine e)
{
    return e == Engine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

struct Probe
{
    QString command;
    std::function<QJsonObject(int)> params;
};

const QList<Probe> &probes()
{
    static const QList<Probe> list{{QStringLiteral("lookup_barcode"),
                                    [](int i) {
                                        return QJsonObject{{QStringLiteral("code"), barcodeOf(i)}};
                                    }},
                                   {QStringLiteral("get_products"), [](int i) {
                                        return QJsonObject{{QStringLiteral("q"), searchTermOf(i)}};
                                    }}};
    return list;
}

// The `count` slowest requests with their parameters: where a p99 comes from.
QJsonArray slowest(std::vector<std::pair<double, QJsonObject>> &asked, std::size_t count)
{
    const auto end = asked.begin() + std::ptrdiff_t(std::min(count, asked.size()));
    std::partial_sort(asked.begin(), end, asked.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first; });
    QJsonArray out;
    for (auto it = asked.begin(); it != end; ++it) {
        out.append(QJsonObject{{QStringLiteral("ms"), it->first},
                               {QStringLiteral("params"), it->second}});
    }
    return out;
}

Result<QString> inProcessToken(Dispatcher &d)
{
    auto session = d.execute(*findCommand(QStringLiteral("login")), {},
                             {{QStringLiteral("username"), QStringLiteral("admin")},
                              {QStringLiteral("password"), QLatin1String(kAdminPassword)}});
    if (!session) {
        return fail(session.error());
    }
    return session->value().toObject().value(QStringLiteral("token")).toString();
}

Result<QJsonObject> inProcess(const Config &config, const QString &url, int products)
{
    auto settings = parseSettings(ServerRole::Store, {QStringLiteral("bench")}, serverEnv(url));
    if (!settings) {
        return fail(settings.error());
    }
    auto core = ServerCore::create(*settings, QStringLiteral("bench"), registerStoreHandlers);
    if (!core) {
        return fail(core.error());
    }
    if (auto admin = (*core)->auth().bootstrapAdmin(QLatin1String(kAdminPassword)); !admin) {
        return fail(admin.error());
    }
    auto token = inProcessToken((*core)->dispatcher());
    if (!token) {
        return fail(token.error());
    }
    const Credentials who{*token, {}, QStringLiteral("127.0.0.1")};
    QRandomGenerator random(7);
    QJsonObject out;
    for (const Probe &p : probes()) {
        const Command &command = *findCommand(p.command);
        Sample s;
        std::vector<std::pair<double, QJsonObject>> asked; // to name the slowest
        const auto start = Clock::now();
        for (int n = 0; n < config.lookupCount; ++n) {
            const QJsonObject params = p.params(int(random.bounded(products)));
            const auto t0 = Clock::now();
            auto r = (*core)->dispatcher().execute(command, who, params);
            s.ms.push_back(msSince(t0));
            if (!r) {
                return fail(r.error());
            }
            asked.emplace_back(s.ms.back(), params);
        }
        s.seconds = msSince(start) / 1000;
        QJsonObject figures = s.json();
        figures.insert(QStringLiteral("slowest"), slowest(asked, 5));
        out.insert(p.command, figures);
    }
    return out;
}

Result<QJsonObject> overHttp(const Config &config, const QString &url, int products)
{
    ServerProc server(config.storeServer, serverEnv(url));
    if (!server.start(kStartMs)) {
        return fail(ErrorCode::Unavailable, server.output());
    }
    RawHttp anonymous(QStringLiteral("127.0.0.1"), server.port());
    if (auto in = anonymous.logIn(); !in) {
        return fail(in.error());
    }
    RawHttp http(QStringLiteral("127.0.0.1"), server.port(), anonymous.token());
    QRandomGenerator random(7);
    QJsonObject out;
    for (const Probe &p : probes()) {
        const QByteArray path = findCommand(p.command)->path.toLatin1();
        Sample s;
        const auto start = Clock::now();
        for (int n = 0; n < config.lookupCount; ++n) {
            QUrlQuery query;
            const QJsonObject params = p.params(int(random.bounded(products)));
            for (auto it = params.begin(); it != params.end(); ++it) {
                query.addQueryItem(it.key(), it.value().toString());
            }
            const QByteArray target = path + '?' + query.toString(QUrl::FullyEncoded).toLatin1();
            const auto t0 = Clock::now();
            const int status = http.request("GET", target);
            s.ms.push_back(msSince(t0));
            if (status != 200) {
                return fail(ErrorCode::Internal,
                            QStringLiteral("%1 answered %2").arg(p.command).arg(status));
            }
        }
        s.seconds = msSince(start) / 1000;
        out.insert(p.command, s.json());
    }
    return out;
}

} // namespace

Outcome lookupScenario(const Config &config)
{
    QJsonArray rows;
    for (Engine engine : config.engines) {
        for (int products : config.catalogSizes) {
            qInfo("lookups: %s, %d products", qPrintable(engineName(engine)), products);
            auto db = BenchDatabase::create(engine, config.pgUrl,
                                            QStringLiteral("lookup%1").arg(products));
            const auto t0 = Clock::now();
            auto seeded = !db               ? Result<Catalog>(fail(db.error()))
                          : (*db)->reused() ? Result<Catalog>(Catalog{})
                                            : seedCatalog((*db)->db(), false, products);
            if (!seeded) {
                return {{}, seeded.error().message};
            }
            const double seedSeconds = msSince(t0) / 1000;
            auto local = inProcess(config, (*db)->url(), products);
            auto remote = local ? overHttp(config, (*db)->url(), products) : local;
            if (!local || !remote) {
                return {{}, (!local ? local : remote).error().message};
            }
            rows.append(QJsonObject{{QStringLiteral("engine"), engineName(engine)},
                                    {QStringLiteral("products"), products},
                                    {QStringLiteral("seed_seconds"), seedSeconds},
                                    {QStringLiteral("in_process"), *local},
                                    {QStringLiteral("http"), *remote}});
        }
    }
    return {{{QStringLiteral("rows"), rows}}, {}};
}

} // namespace pos::bench
