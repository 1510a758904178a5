// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/auditlog.h"
#include "servers/common/sqlvalues.h"

#include "core/base/recordid.h"
#include "servers/common/callcontext.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace pos {

namespace {

// One audit row as the hash sees it. Both writer and checker build it the same way.
struct AuditRow
{
    qint64 seq = 0;
    QString id;
    QString when;
    QString action;
    QUuid user;
    QUuid approver;
    QUuid store;
    QUuid registerId;
    QString reason;
    QString details;
    QString prevHash;
};

// The hash covers every column and the previous hash, so editing or deleting any row
// breaks the chain from there on.
QString hashOf(const AuditRow &r)
{
    const QStringList canonical{QString::number(r.seq),
                                r.id,
                                r.when,
                                r.action,
                                r.user.toString(QUuid::WithoutBraces),
                                r.approver.toString(QUuid::WithoutBraces),
                                r.store.toString(QUuid::WithoutBraces),
                                r.registerId.toString(QUuid::WithoutBraces),
                                r.reason,
                                r.details,
                                r.prevHash};
    return QString::fromLatin1(QCryptographicHash::hash(canonical.join(QChar(0x1f)).toUtf8(),
                                                        QCryptographicHash::Sha256)
                                       .toHex());
}

} // namespace

Status appendAudit(const Transaction &tx, const CallContext &context, const AuditEntry &entry)
{
    // Bumping the head row locks it until commit: audit rows get gapless, ordered numbers.
    auto head = tx.exec(
            QStringLiteral("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"));
    if (!head) {
        return fail(head.error());
    }
    if (!head->next()) {
        return fail(ErrorCode::Internal, QStringLiteral("audit_head row is missing"));
    }
    AuditRow row{head->value(0).toLongLong(),
                 newRecordIdText(),
                 context.now.toUTC().toString(Qt::ISODateWithMs),
                 entry.action,
                 context.user ? context.user->userId : QUuid(),
                 context.approver ? context.approver->userId : QUuid(),
                 context.server.storeId,
                 entry.registerId,
                 entry.reason,
                 QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)),
                 head->value(1).toString()};
    head->finish();
    const QString hash = hashOf(row);
    auto inserted = tx.exec(
            QStringLiteral(
                    "INSERT INTO audit_log (id, seq, occurred_at, action, user_id, approver_id, "
                    "store_id, register_id, reason, details, prev_hash, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {row.id, row.seq, row.when, row.action, sql::idOrNull(row.user),
             sql::idOrNull(row.approver), sql::idOrNull(row.store), sql::idOrNull(row.registerId),
             row.reason, row.details, row.prevHash, hash});
    if (!inserted) {
        return fail(inserted.error());
    }
    auto moved = tx.exec(QStringLiteral("UPDATE audit_head SET hash = ? WHERE id = 1"), {hash});
    return moved ? Status() : fail(moved.error());
}

Result<AuditCheck> verifyAuditChain(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT seq, id, occurred_at, action, user_id, approver_id, store_id, "
                    "register_id, reason, details, prev_hash, hash FROM audit_log ORDER BY seq"));
    if (!q) {
        return fail(q.error());
    }
    AuditCheck check;
    QString previous;
    while (q->next()) {
        const auto uuid = [&](int i) {
            return QUuid::fromString(q->value(i).toString());
        };
        const AuditRow row{q->value(0).toLongLong(),
                           q->value(1).toString(),
                           sql::timestampText(sql::timestamp(q->value(2))),
                           q->value(3).toString(),
                           uuid(4),
                           uuid(5),
                           uuid(6),
                           uuid(7),
                           q->value(8).toString(),
                           q->value(9).toString(),
                           q->value(10).toString()};
        ++check.rows;
        const bool intact = row.seq == check.rows && row.prevHash == previous
                            && hashOf(row) == q->value(11).toString();
        if (!intact && check.intact) {
            check.intact = false;
            check.firstBroken = std::min(row.seq, check.rows); // a deleted row shows as a gap
        }
        previous = q->value(11).toString();
    }
    return check;
}

} // namespace pos
