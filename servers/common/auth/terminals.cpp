// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/auth/terminals.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"

#include "core/auth/passwords.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Auth)
};

Result<Terminal> readTerminal(Database &db, const QUuid &id, QString *secretHash = nullptr)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT name, status, secret_hash FROM terminals WHERE id = ?"),
                  {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such terminal"));
    }
    if (secretHash != nullptr) {
        *secretHash = q->value(2).toString();
    }
    return Terminal{id,
                    q->value(0).toString(),
                    json::enumFromName(q->value(1).toString(), kTerminalStatusNames,
                                       TerminalStatus::Pending),
                    {}};
}

// The secret is shown once, in this answer; asking again with the same id is a conflict.
Result<Terminal> requestTerminal(CallContext &c, const TerminalRequest &request)
{
    const QString secret = QString::fromLatin1(randomBytes(32).toHex());
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto q = tx->exec(
            QStringLiteral(
                    "INSERT INTO terminals (id, name, secret_hash, status, requested_at) VALUES "
                    "(?, ?, ?, 'pending', ?)"),
            {sql::id(request.id), request.name, secretDigest(secret), sql::timestampText(c.now)});
    if (!q) {
        return fail(q.error().code == ErrorCode::Conflict
                            ? Error{ErrorCode::Conflict,
                                    Tr::tr("this terminal has already asked to be registered")}
                            : q.error());
    }
    if (auto ok = appendAudit(*tx, c, {QStringLiteral("terminal.requested"), request.name, {}, {}});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return Terminal{request.id, request.name, TerminalStatus::Pending, secret};
}

Result<QJsonValue> approveTerminal(CallContext &c, const QJsonObject &)
{
    const QUuid id = QUuid::fromString(c.pathParams.value(QStringLiteral("id")).toString());
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto q = tx->exec(
            QStringLiteral(
                    "UPDATE terminals SET status = 'approved', approved_by = ? WHERE id = ? AND "
                    "status = 'pending'"),
            {sql::id(c.callerId()), sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (q->numRowsAffected() == 1) {
        if (auto ok = appendAudit(*tx, c, {QStringLiteral("terminal.approved"), {}, {}, {}}); !ok) {
            return fail(ok.error());
        }
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return transform(readTerminal(c.db, id),
                     [](const Terminal &t) { return QJsonValue(json::write(t)); });
}

} // namespace

Status checkTerminal(Database &db, const QUuid &id, const QString &secret)
{
    QString stored;
    auto terminal = readTerminal(db, id, &stored);
    const bool secretOk = terminal && matchesDigest(secret, stored);
    if (!secretOk || terminal->status != TerminalStatus::Approved) {
        return fail(
                ErrorCode::Unauthenticated,
                Tr::tr("PIN login works only on a registered terminal that a manager approved"));
    }
    return {};
}

void registerTerminalHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("request_terminal"),
                   typed<TerminalRequest, Terminal>(requestTerminal));
    dispatcher.add(QStringLiteral("approve_terminal"), approveTerminal);
}

} // namespace pos
