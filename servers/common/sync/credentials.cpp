// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include "servers/common/auditlog.h"
#include "servers/common/auth/authservice.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"

#include "core/auth/passwords.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

QUuid storeOfPath(const CallContext &c)
{
    return QUuid::fromString(c.pathParams.value(QStringLiteral("id")).toString());
}

Result<SyncToken> rotate(CallContext &c, const Empty &)
{
    const QUuid storeId = storeOfPath(c);
    if (auto store = storeById(c.db, storeId); !store) {
        return fail(store.error());
    }
    const QString secret = QString::fromLatin1(randomBytes(32).toHex());
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto q = tx->exec(QStringLiteral(
                              "INSERT INTO store_credentials (store_id, secret_hash, status, "
                              "rotated_at) VALUES (?, ?, 'active', ?) ON CONFLICT (store_id) DO "
                              "UPDATE SET secret_hash = excluded.secret_hash, status = 'active', "
                              "rotated_at = excluded.rotated_at"),
                      {sql::id(storeId), secretDigest(secret), sql::timestampText(c.now)});
    if (!q) {
        return fail(q.error());
    }
    const AuditEntry audit{QStringLiteral("store.sync_token_rotated"), QString(),
                           QJsonObject{{QStringLiteral("store_id"), sql::id(storeId)}}, QUuid()};
    if (auto ok = appendAudit(*tx, c, audit); !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return SyncToken{storeId, sql::id(storeId) + QLatin1Char('.') + secret};
}

Result<Empty> revoke(CallContext &c, const Empty &)
{
    const QUuid storeId = storeOfPath(c);
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto q = tx->exec(QStringLiteral("UPDATE store_credentials SET status = 'revoked' WHERE "
                                     "store_id = ?"),
                      {sql::id(storeId)});
    if (!q) {
        return fail(q.error());
    }
    const AuditEntry audit{QStringLiteral("store.sync_token_revoked"), QString(),
                           QJsonObject{{QStringLiteral("store_id"), sql::id(storeId)}}, QUuid()};
    if (auto ok = appendAudit(*tx, c, audit); !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return Empty{};
}

// The token's store when its secret matches an active credential.
Result<QUuid> checkToken(Database &db, const QString &token)
{
    const qsizetype dot = token.indexOf(QLatin1Char('.'));
    const QUuid storeId = QUuid::fromString(token.left(dot));
    const auto refused = [] {
        return fail(ErrorCode::Unauthenticated, Tr::tr("this sync token is not valid"));
    };
    if (dot < 0 || storeId.isNull()) {
        return refused();
    }
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT secret_hash FROM store_credentials WHERE store_id = ? "
                                 "AND status = 'active'"),
                  {sql::id(storeId)});
    if (!q) {
        return fail(q.error());
    }
    const QString expected = q->next() ? q->value(0).toString() : QString();
    if (!matchesDigest(token.mid(dot + 1), expected)) {
        return refused();
    }
    return storeId;
}

} // namespace

void registerCredentialHandlers(Dispatcher &dispatcher, AuthService &auth)
{
    dispatcher.add(QStringLiteral("rotate_sync_token"), typed<Empty, SyncToken>(rotate));
    dispatcher.add(QStringLiteral("revoke_sync_token"), typed<Empty, Empty>(revoke));
    dispatcher.add(QStringLiteral("sync_login"),
                   typed<SyncLogin, Session>(
                           [&auth](CallContext &c, const SyncLogin &login) -> Result<Session> {
                               auto storeId = checkToken(c.db, login.token);
                               if (!storeId) {
                                   return fail(storeId.error());
                               }
                               auto store = storeById(c.db, *storeId);
                               if (!store) {
                                   return fail(store.error());
                               }
                               return auth.storeSession(*store, c.now);
                           }));
}

} // namespace pos
