// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/auth/throttle.h"
#include "servers/common/auth/users.h"
#include "servers/common/callcontext.h"

#include "core/api/permission.h"

namespace pos {

class Dispatcher;

// Logins, tokens and manager overrides. Failed attempts are throttled per user and per
// client address and written to the audit log.
class AuthService
{
public:
    AuthService(Database &db, const ServerIdentity &identity, JwtSigner signer, Throttle &throttle,
                int tokenHours = 12);

    Result<Claims> authenticate(const QString &token, const QDateTime &now) const;
    // The manager whose PIN this is, if they hold the permission for this one action.
    Result<Approver> approve(const QString &pin, Permission permission, const QString &client,
                             const QDateTime &now);

    // The first administrator, when the database has no user yet. Returns whether it made one.
    Result<bool> bootstrapAdmin(const QString &password);

    void registerHandlers(Dispatcher &dispatcher);

    // The session of a store logged in with its sync credential: it may pull and push.
    Session storeSession(const Store &store, const QDateTime &now) const;

private:
    Result<Session> login(CallContext &context, const LoginRequest &request);
    Result<Session> loginPin(CallContext &context, const PinLoginRequest &request);
    Result<Session> me(CallContext &context);
    Session sessionFor(const Account &account, const QDateTime &now) const;
    Status throttled(const QStringList &keys, const QDateTime &now) const;
    void failed(CallContext &context, const QStringList &keys, const QString &who);
    Result<Account> byPin(const QString &pin); // NotFound: no active user has this PIN

    Database &m_db;
    const ServerIdentity &m_identity;
    JwtSigner m_signer;
    Throttle &m_throttle;
    int m_tokenHours;
};

} // namespace pos
