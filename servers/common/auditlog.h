// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"
#include "core/db/transaction.h"

#include <QJsonObject>
#include <QUuid>

namespace pos {

struct CallContext;

struct AuditEntry
{
    QString action; // "drawer.no_sale", "login.failed", "user.changed"
    QString reason;
    QJsonObject details;
    QUuid registerId;
};

// Appends one row to the hash-chained audit log inside the caller's transaction, so the
// record and its audit commit together or not at all. Who, approver, store and time come
// from the call.
Status appendAudit(const Transaction &tx, const CallContext &context, const AuditEntry &entry);

// Walks the chain in order and names the first row that was changed, removed or
// inserted out of turn.
Result<AuditCheck> verifyAuditChain(Database &db);

} // namespace pos
