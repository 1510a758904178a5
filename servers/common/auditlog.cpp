// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"
#include "sqlvalues.h"

#include "callcontext.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace pos {

Status appendAudit(const Transaction &tx, const CallContext &context, const AuditEntry &entry)
{
    // Bumping the head row locks it until commit: audit rows get gapless, ordered numbers.
    auto head = tx.exec(QStringLiteral("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 "
                                       "RETURNING seq, hash"));
    if (!head) {
        return fail(head.error());
    }
    if (!head->next()) {
        return fail(ErrorCode::Internal, QStringLiteral("audit_head row is missing"));
    }
    const qint64 seq = head->value(0).toLongLong();
    const QString prevHash = head->value(1).toString();
    head->finish();

    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString when = context.now.toUTC().toString(Qt::ISODateWithMs);
    const QUuid userId = context.user ? context.user->userId : QUuid();
    const QUuid approverId = context.approver ? context.approver->userId : QUuid();
    const QString details = QString::fromUtf8(
            QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    // The hash covers every column and the previous hash, so editing or deleting any row
    // breaks the chain from there on.
    const QStringList canonical{QString::number(seq),
                                id,
                                when,
                                entry.action,
                                userId.toString(QUuid::WithoutBraces),
                                approverId.toString(QUuid::WithoutBraces),
                                context.server.storeId.toString(QUuid::WithoutBraces),
                                entry.registerId.toString(QUuid::WithoutBraces),
                                entry.reason,
                                details,
                                prevHash};
    const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(canonical.join(QChar(0x1f)).toUtf8(),
                                     QCryptographicHash::Sha256)
                    .toHex());
    auto inserted = tx.exec(
            QStringLiteral(
                    "INSERT INTO audit_log (id, seq, occurred_at, action, user_id, approver_id, "
                    "store_id, register_id, reason, details, prev_hash, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {id, seq, when, entry.action, sql::idOrNull(userId), sql::idOrNull(approverId),
             sql::idOrNull(context.server.storeId), sql::idOrNull(entry.registerId), entry.reason,
             details, prevHash, hash});
    if (!inserted) {
        return fail(inserted.error());
    }
    auto moved = tx.exec(QStringLiteral("UPDATE audit_head SET hash = ? WHERE id = 1"), {hash});
    if (!moved) {
        return fail(moved.error());
    }
    return {};
}

} // namespace pos
