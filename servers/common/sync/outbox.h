// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"
#include "core/db/transaction.h"

namespace pos {

// The store's outbox: what HQ has not yet acknowledged (see 0014_outbox.sql).
namespace outbox {

// Queues a record (or its newer state) inside the transaction that wrote it.
Status enqueue(const Transaction &tx, const char *kind, const QUuid &id, const QDateTime &now);

struct Entry
{
    QString kind;
    QUuid id;
    qint64 revision = 1;
};

// The oldest pending entries, a record before the records that depend on it.
Result<QList<Entry>> pending(Database &db, qsizetype limit);
// How many are pending, not counting `besides` (by kind): records already sent.
Result<qint64> pendingCount(Database &db, const QHash<QString, QList<QUuid>> &besides = {});
// HQ's answers: acknowledged revisions leave, refusals stay as rejected, retries wait.
Status settle(Database &db, const QList<PushResult> &results, const QDateTime &now);
// Marks one entry rejected here, for a record that cannot even be read.
Status reject(Database &db, const Entry &entry, const QString &reason);

} // namespace outbox

// Logs why a pull or a push failed and keeps it in sync_state.<column> for the dashboard.
void noteSyncFailure(Database &db, const char *column, const QString &what, const Error &error);

} // namespace pos
