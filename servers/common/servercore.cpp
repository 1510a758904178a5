// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/servercore.h"

#include "servers/common/auth/terminals.h"
#include "servers/common/auth/userservice.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/catalog/masterdata.h"
#include "servers/common/catalog/productcsv.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/http/httpserver.h"
#include "servers/common/reports/hqreports.h"
#include "servers/common/shutdown.h"
#include "servers/common/sync/credentials.h"
#include "servers/common/sync/hinthub.h"
#include "servers/common/sync/puller.h"
#include "servers/common/sync/pullservice.h"
#include "servers/common/sync/pusher.h"
#include "servers/common/sync/pushservice.h"
#include "servers/common/sync/syncstatus.h"
#include "servers/common/systemservice.h"
#include "servers/common/transfers.h"

#include "core/auth/passwords.h"
#include "servers/common/migrationsteps.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

Q_LOGGING_CATEGORY(lcServer, "pos.server")

namespace pos {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};
} // namespace

Result<std::unique_ptr<ServerCore>> ServerCore::create(
        const ServerSettings &settings, const QString &version,
        const std::function<void(Dispatcher &)> &bindExtra)
{
    std::unique_ptr<ServerCore> core(new ServerCore);
    core->m_identity = ServerIdentity{settings.role, settings.storeId, settings.storeCode, version};
    auto db = Database::open(settings.databaseUrl);
    if (!db) {
        return fail(db.error());
    }
    core->m_db = std::move(*db);
    auto migrated = migrate(*core->m_db,
                            settings.role == ServerRole::Hq ? Schema::Hq : Schema::Store,
                            migrationSteps());
    if (!migrated) {
        return fail(migrated.error());
    }
    core->m_auth = std::make_unique<AuthService>(*core->m_db, core->m_identity,
                                                 JwtSigner(settings.jwtSecret), core->m_throttle);
    core->m_dispatcher = std::make_unique<Dispatcher>(*core->m_db, core->m_identity, *core->m_auth);
    Dispatcher &d = *core->m_dispatcher;
    registerSystemHandlers(d);
    core->m_auth->registerHandlers(d);
    registerTerminalHandlers(d);
    registerUserHandlers(d);
    registerCatalogHandlers(d);
    registerMasterDataHandlers(d);
    registerSetupHandlers(d);
    registerProductCsvHandlers(d);
    registerPullHandlers(d);
    if (settings.role == ServerRole::Store) {
        registerDrawerHandlers(d);
    } else {
        core->m_hints = std::make_unique<HintHub>(*core->m_db, *core->m_auth);
        registerCredentialHandlers(d, *core->m_auth);
        registerSyncStatusHandlers(d, *core->m_hints);
        registerPushHandlers(d);
        registerTransferQueries(d);
        registerTransferResolution(d);
        registerHqReportHandlers(d);
    }
    if (bindExtra) {
        bindExtra(d);
    }
    return core;
}

int runServer(ServerRole role, int argc, char **argv,
              const std::function<void(Dispatcher &)> &bindExtra)
{
    // With TZ unset, glibc checks /etc/localtime again on every local-time conversion, and
    // Qt's PostgreSQL driver converts each timestamp it reads to local time: 15 % of the
    // store server's CPU in a push went to those checks. Naming the system's zone once
    // keeps it as the zone (Qt reads ":/etc/localtime" as the system's) without them.
    if (!qEnvironmentVariableIsSet("TZ")) {
        qputenv("TZ", ":/etc/localtime");
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(role == ServerRole::Hq ? QStringLiteral("hq-server")
                                                                : QStringLiteral("store-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POS_VERSION));
    // Before anything else, so a stop requested during start-up is a clean one too.
    const ShutdownOnSignals shutdown;
    auto settings = parseSettings(role, app.arguments(), QProcessEnvironment::systemEnvironment());
    if (!settings) {
        std::fprintf(stderr, "%s\n", qPrintable(settings.error().message));
        return 2;
    }
    auto core = ServerCore::create(*settings, QCoreApplication::applicationVersion(), bindExtra);
    if (!core) {
        std::fprintf(stderr, "%s\n", qPrintable(core.error().message));
        return 1;
    }
    // A store that syncs gets its users from HQ (an own "admin" would clash with HQ's).
    const bool synced = role == ServerRole::Store && !settings->hqUrl.isEmpty()
                        && !settings->syncToken.isEmpty();
    const bool generated = settings->adminPassword.isEmpty();
    const QString password = generated ? generatePassword() : settings->adminPassword;
    auto created = synced ? Result<bool>(false) : (*core)->auth().bootstrapAdmin(password);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 1;
    }
    if (*created && generated) {
        // Shown once, never stored in clear: the only copy is this line.
        std::printf("%s\n",
                    qPrintable(Tr::tr("First start: user \"admin\" created with password %1")
                                       .arg(password)));
        std::fflush(stdout);
    }
    // A store with HQ_URL and SYNC_TOKEN keeps its master data in step with HQ.
    // It pulls master data down and pushes its outbox up, over one login.
    std::unique_ptr<Upstream> upstream;
    std::unique_ptr<Puller> puller;
    std::unique_ptr<Pusher> pusher;
    if (synced) {
        upstream = std::make_unique<Upstream>(QUrl(settings->hqUrl), settings->syncToken);
        puller = std::make_unique<Puller>((*core)->database(), *upstream, settings->syncIntervalMs,
                                          settings->pullPageRows);
        pusher = std::make_unique<Pusher>((*core)->database(), *upstream, settings->pushIdleMs,
                                          settings->pushBatchRecords);
        puller->start();
        pusher->start();
    }
    HttpServer http((*core)->dispatcher(), settings->limits);
    // HQ tells connected stores when master data changed.
    if (HintHub *hints = (*core)->hints()) {
        QObject::connect(&http, &QAbstractHttpServer::newWebSocketConnection, hints, [&http, hints] {
            while (http.hasPendingWebSocketConnections()) {
                hints->accept(http.nextPendingWebSocketConnection().release());
            }
        });
    }
    auto port = http.start(settings->host, settings->port);
    if (!port) {
        std::fprintf(stderr, "%s\n", qPrintable(port.error().message));
        return 1;
    }
    qCInfo(lcServer).noquote() << QCoreApplication::applicationName() << "listening on"
                               << settings->host.toString() + QLatin1Char(':')
                                          + QString::number(*port);
    std::printf("listening on port %u\n", static_cast<unsigned>(*port));
    std::fflush(stdout);
    const int code = QCoreApplication::exec();
    http.drain();
    qCInfo(lcServer) << "stopped";
    return code;
}

} // namespace pos
