// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/serversettings.h"

#include "core/auth/passwords.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <tuple>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

constexpr int kMinSecretBytes = 32;

struct Option
{
    const char *env;
    const char *name;
    const char *help;
    bool storeOnly;
};

constexpr Option kOptions[]{
        {"DATABASE_URL", "database-url",
         QT_TRANSLATE_NOOP("pos::Server",
                           "postgresql://user:pass@host:port/db or sqlite:///path/file.db"),
         false},
        {"JWT_SECRET", "jwt-secret",
         QT_TRANSLATE_NOOP("pos::Server",
                           "secret that signs session tokens, at least 32 characters"),
         false},
        {"PORT", "port", QT_TRANSLATE_NOOP("pos::Server", "TCP port (HQ 3001, store 3002)"), false},
        {"HOST", "host", QT_TRANSLATE_NOOP("pos::Server", "address to listen on (default all)"),
         false},
        {"MAX_BODY_BYTES", "max-body-bytes",
         QT_TRANSLATE_NOOP("pos::Server", "largest request body accepted (default 1048576)"), false},
        {"IDLE_TIMEOUT_MS", "idle-timeout-ms",
         QT_TRANSLATE_NOOP("pos::Server", "close idle connections after this (default 30000)"),
         false},
        {"REQUEST_TIMEOUT_MS", "request-timeout-ms",
         QT_TRANSLATE_NOOP("pos::Server", "a request must arrive within this (default 30000)"),
         false},
        {"MAX_CONNECTIONS_PER_ADDRESS", "max-connections-per-address",
         QT_TRANSLATE_NOOP("pos::Server", "default 64"), false},
        {"STORE_ID", "store-id", QT_TRANSLATE_NOOP("pos::Server", "this store's UUID"), true},
        {"STORE_CODE", "store-code",
         QT_TRANSLATE_NOOP("pos::Server", "this store's code, e.g. ST01"), true},
        {"HQ_URL", "hq-url",
         QT_TRANSLATE_NOOP("pos::Server", "head office server, e.g. https://hq.example.com"), true},
        {"SYNC_TOKEN", "sync-token",
         QT_TRANSLATE_NOOP("pos::Server", "this store's sync credential at HQ"), true},
        {"SYNC_INTERVAL_MS", "sync-interval-ms",
         QT_TRANSLATE_NOOP("pos::Server", "poll HQ at least this often (default 30000)"), true},
        {"SYNC_PAGE_ROWS", "sync-page-rows",
         QT_TRANSLATE_NOOP("pos::Server", "rows a pulled page holds, 1 to 5000 (default 5000)"),
         true},
        {"SYNC_PUSH_BATCH", "sync-push-batch",
         QT_TRANSLATE_NOOP("pos::Server", "records a push batch holds, 1 to 1000 (default 1000)"),
         true},
};

Result<qint64> integer(const QString &text, const char *name, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        return fail(ErrorCode::Validation, Tr::tr("%1 must be a whole number from %2 to %3")
                                                   .arg(QString::fromLatin1(name))
                                                   .arg(min)
                                                   .arg(max));
    }
    return v;
}

} // namespace

Result<ServerSettings> parseSettings(ServerRole role, const QStringList &arguments,
                                     const QProcessEnvironment &environment)
{
    const bool hq = role == ServerRole::Hq;
    QCommandLineParser parser;
    parser.setApplicationDescription(hq ? Tr::tr("POS head office server")
                                        : Tr::tr("POS store server"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("dev"),
                      Tr::tr("development mode: allow a missing or weak JWT_SECRET")});
    for (const Option &o : kOptions) {
        if (!o.storeOnly || !hq) {
            parser.addOption({QString::fromLatin1(o.name),
                              Tr::tr(o.help) + QStringLiteral(" [") + QString::fromLatin1(o.env)
                                      + QLatin1Char(']'),
                              QStringLiteral("value")});
        }
    }
    parser.process(arguments); // exits for --help, --version and unknown options
    const auto value = [&](const Option &o) {
        const QString name = QString::fromLatin1(o.name);
        return parser.isSet(name) ? parser.value(name)
                                  : environment.value(QString::fromLatin1(o.env));
    };
    QHash<QString, QString> v;
    for (const Option &o : kOptions) {
        v.insert(QString::fromLatin1(o.env), value(o));
    }

    ServerSettings s;
    s.role = role;
    s.dev = parser.isSet(QStringLiteral("dev"))
            || environment.value(QStringLiteral("POS_DEV")) == QLatin1String("1");
    s.databaseUrl = v.value(QStringLiteral("DATABASE_URL"));
    if (s.databaseUrl.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("DATABASE_URL is not set"));
    }
    s.jwtSecret = v.value(QStringLiteral("JWT_SECRET")).toUtf8();
    if (s.jwtSecret.size() < kMinSecretBytes) {
        if (!s.dev) {
            return fail(
                    ErrorCode::Validation,
                    Tr::tr("JWT_SECRET is missing or shorter than %1 characters; generate one with "
                           "\"openssl rand -hex 32\" (or start with --dev for a throw-away one)")
                            .arg(kMinSecretBytes));
        }
        s.jwtSecret = randomBytes(32).toHex();
    }
    s.port = hq ? 3001 : 3002;
    if (const QString p = v.value(QStringLiteral("PORT")); !p.isEmpty()) {
        auto port = integer(p, "PORT", 0, 65535);
        if (!port) {
            return fail(port.error());
        }
        s.port = static_cast<quint16>(*port);
    }
    if (const QString h = v.value(QStringLiteral("HOST")); !h.isEmpty() && !s.host.setAddress(h)) {
        return fail(ErrorCode::Validation, Tr::tr("HOST is not an address: %1").arg(h));
    }
    const std::pair<const char *, int *> limits[]{{"IDLE_TIMEOUT_MS", &s.limits.idleTimeoutMs},
                                                  {"REQUEST_TIMEOUT_MS", &s.limits.requestTimeoutMs},
                                                  {"MAX_CONNECTIONS_PER_ADDRESS",
                                                   &s.limits.maxConnectionsPerAddress},
                                                  {"SYNC_INTERVAL_MS", &s.syncIntervalMs},
                                                  {"SYNC_PUSH_IDLE_MS", &s.pushIdleMs}};
    for (const auto &[name, target] : limits) {
        if (const QString text = v.value(QString::fromLatin1(name)); !text.isEmpty()) {
            auto n = integer(text, name, 1, 86'400'000);
            if (!n) {
                return fail(n.error());
            }
            *target = static_cast<int>(*n);
        }
    }
    // HQ's largest page and largest batch.
    for (const auto &[name, most, target] :
         {std::tuple{"SYNC_PAGE_ROWS", 5000, &s.pullPageRows},
          std::tuple{"SYNC_PUSH_BATCH", 1000, &s.pushBatchRecords}}) {
        if (const QString text = v.value(QString::fromLatin1(name)); !text.isEmpty()) {
            auto n = integer(text, name, 1, most);
            if (!n) {
                return fail(n.error());
            }
            *target = static_cast<int>(*n);
        }
    }
    if (const QString text = v.value(QStringLiteral("MAX_BODY_BYTES")); !text.isEmpty()) {
        auto n = integer(text, "MAX_BODY_BYTES", 1024, qint64(1) << 30);
        if (!n) {
            return fail(n.error());
        }
        s.limits.maxBodyBytes = *n;
    }
    if (!hq) {
        s.storeId = QUuid::fromString(v.value(QStringLiteral("STORE_ID")));
        s.storeCode = v.value(QStringLiteral("STORE_CODE"));
        s.hqUrl = v.value(QStringLiteral("HQ_URL"));
        s.syncToken = v.value(QStringLiteral("SYNC_TOKEN"));
    }
    s.adminPassword = environment.value(QStringLiteral("POS_ADMIN_PASSWORD"));
    return s;
}

} // namespace pos
