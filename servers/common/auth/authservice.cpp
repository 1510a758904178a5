// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/auth/authservice.h"

#include "servers/common/auditlog.h"
#include "servers/common/auth/terminals.h"
#include "servers/common/dispatcher.h"

#include "core/auth/passwords.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "pos.auth")

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Auth)
};

std::unexpected<Error> wrongCredentials()
{
    // One message for unknown user and wrong secret: never tell which it was.
    return fail(ErrorCode::Unauthenticated, Tr::tr("wrong username or password"));
}

} // namespace

AuthService::AuthService(Database &db, const ServerIdentity &identity, JwtSigner signer,
                         Throttle &throttle, int tokenHours)
    : m_db(db)
    , m_identity(identity)
    , m_signer(std::move(signer))
    , m_throttle(throttle)
    , m_tokenHours(tokenHours)
{}

Result<Claims> AuthService::authenticate(const QString &token, const QDateTime &now) const
{
    return m_signer.verify(token, now);
}

Session AuthService::sessionFor(const Account &account, const QDateTime &now) const
{
    Claims claims{account.user.id,
                  account.user.username,
                  account.roleNames,
                  account.permissions,
                  m_identity.storeId,
                  now,
                  now.addSecs(qint64(m_tokenHours) * 3600)};
    return Session{m_signer.sign(claims), claims.expiresAt, account.user, account.permissions,
                   m_identity.storeId};
}

Status AuthService::throttled(const QStringList &keys, const QDateTime &now) const
{
    for (const QString &key : keys) {
        if (const int wait = m_throttle.waitSeconds(key, now); wait > 0) {
            Error e{ErrorCode::RateLimited,
                    Tr::tr("too many failed attempts; try again in %n second(s)", nullptr, wait)};
            e.retryAfterSeconds = wait;
            return fail(e);
        }
    }
    return {};
}

void AuthService::failed(CallContext &context, const QStringList &keys, const QString &who)
{
    for (const QString &key : keys) {
        m_throttle.recordFailure(key, context.now);
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return;
    }
    const AuditEntry entry{QStringLiteral("login.failed"), QString(),
                           QJsonObject{{QStringLiteral("who"), who},
                                       {QStringLiteral("client"), context.clientAddress}},
                           QUuid()};
    if (appendAudit(*tx, context, entry) && tx->commit()) {
        return;
    }
    qCWarning(lcAuth) << "could not audit a failed login from" << context.clientAddress;
}

Result<Session> AuthService::login(CallContext &context, const LoginRequest &request)
{
    const QStringList keys{QStringLiteral("user:") + request.username.toLower(),
                           QStringLiteral("addr:") + context.clientAddress};
    if (auto ok = throttled(keys, context.now); !ok) {
        return fail(ok.error());
    }
    auto account = findAccount(m_db, AccountKey::Username, request.username);
    if (!account && account.error().code != ErrorCode::NotFound) {
        return fail(account.error());
    }
    if (!account || !account->user.active
        || !verifySecret(account->passwordHash, request.password)) {
        failed(context, keys, request.username);
        return wrongCredentials();
    }
    m_throttle.recordSuccess(keys.first());
    return sessionFor(*account, context.now);
}

Result<Account> AuthService::byPin(const QString &pin)
{
    auto key = pinKey(m_db);
    if (!key) {
        return fail(key.error());
    }
    auto account = findAccount(m_db, AccountKey::PinLookup, pinLookup(*key, pin));
    if (account && (!account->user.active || !verifySecret(account->pinHash, pin))) {
        return fail(ErrorCode::NotFound, Tr::tr("wrong PIN"));
    }
    return account;
}

Result<Session> AuthService::loginPin(CallContext &context, const PinLoginRequest &request)
{
    // A PIN names no user, so only the address can be throttled before it is checked.
    const QStringList keys{QStringLiteral("pin-addr:") + context.clientAddress};
    if (auto ok = throttled(keys, context.now); !ok) {
        return fail(ok.error());
    }
    if (auto ok = checkTerminal(m_db, request.terminalId, request.terminalSecret); !ok) {
        failed(context, keys, QStringLiteral("(terminal)"));
        return fail(ok.error());
    }
    auto account = byPin(request.pin);
    if (!account && account.error().code == ErrorCode::NotFound) {
        failed(context, keys, QStringLiteral("(pin)"));
        return fail(ErrorCode::Unauthenticated, Tr::tr("wrong PIN"));
    }
    if (!account) {
        return fail(account.error());
    }
    return sessionFor(*account, context.now);
}

Result<Approver> AuthService::approve(const QString &pin, Permission permission,
                                      const QString &client, const QDateTime &now)
{
    const QStringList keys{QStringLiteral("pin-addr:") + client};
    if (auto ok = throttled(keys, now); !ok) {
        return fail(ok.error());
    }
    auto account = byPin(pin);
    if (!account && account.error().code == ErrorCode::NotFound) {
        for (const QString &key : keys) {
            m_throttle.recordFailure(key, now);
        }
        return fail(ErrorCode::Forbidden, Tr::tr("the manager PIN is not valid"));
    }
    if (!account) {
        return fail(account.error());
    }
    if (!account->permissions.contains(permissionName(permission))) {
        return fail(ErrorCode::Forbidden,
                    Tr::tr("%1 may not authorise %2")
                            .arg(account->user.fullName, permissionName(permission)));
    }
    return Approver{account->user.id, account->user.username};
}

Result<Session> AuthService::me(CallContext &context)
{
    if (!context.user) {
        return fail(ErrorCode::Unauthenticated,
                    Tr::tr("this user no longer exists or is disabled"));
    }
    const Claims &claims = *context.user;
    auto account = findAccount(m_db, AccountKey::Id, claims.userId.toString(QUuid::WithoutBraces));
    if (!account && account.error().code != ErrorCode::NotFound) {
        return fail(account.error());
    }
    if (!account || !account->user.active) {
        return fail(ErrorCode::Unauthenticated,
                    Tr::tr("this user no longer exists or is disabled"));
    }
    // The same token again, so the answer is a complete session.
    return Session{m_signer.sign(claims), claims.expiresAt, account->user, claims.permissions,
                   m_identity.storeId};
}

Result<bool> AuthService::bootstrapAdmin(const QString &password)
{
    auto any = anyUser(m_db);
    if (!any || *any) {
        return any ? Result<bool>(false) : fail(any.error());
    }
    auto hash = hashSecret(password);
    if (!hash) {
        return fail(hash.error());
    }
    const Role admin{QUuid::createUuid(), QStringLiteral("admin"), allPermissionNames(), 10000};
    const User user{QUuid::createUuid(),
                    QStringLiteral("admin"),
                    QStringLiteral("Administrator"),
                    {admin.id},
                    {},
                    QStringLiteral("en"),
                    true};
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = putRole(*tx, admin); !ok) {
        return fail(ok.error());
    }
    if (auto ok = putUser(*tx, user, Secrets{*hash, {}, {}}); !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return true;
}

Session AuthService::storeSession(const Store &store, const QDateTime &now) const
{
    const QStringList permissions{permissionName(Permission::SyncStore)};
    const User user{store.id,   QStringLiteral("store:") + store.code,
                    store.name, {},
                    {store.id}, QStringLiteral("en"),
                    true};
    // An hour: a revoked credential stops within the hour even for a store logged in.
    Claims claims{store.id, user.username, {}, permissions, store.id, now, now.addSecs(3600)};
    return Session{m_signer.sign(claims), claims.expiresAt, user, permissions, store.id};
}

void AuthService::registerHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("login"),
                   typed<LoginRequest, Session>(
                           [this](CallContext &c, const LoginRequest &r) { return login(c, r); }));
    dispatcher.add(QStringLiteral("login_pin"),
                   typed<PinLoginRequest, Session>([this](CallContext &c, const PinLoginRequest &r) {
                       return loginPin(c, r);
                   }));
    dispatcher.add(QStringLiteral("get_me"),
                   typed<Empty, Session>([this](CallContext &c, const Empty &) { return me(c); }));
}

} // namespace pos
