// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/transaction.h"

#include <QUuid>

namespace pos {

// Gives a master row (a product, a tender, a store...) the next version of the master
// domain, inside the transaction that wrote it. The version row stays locked until commit,
// so versions follow commit order and a pull never skips a row that commits late. Call it
// after the row's own writes and before the audit row, so every master write takes its
// locks in the same order.
Status stampMasterVersion(const QSqlDatabase &conn, const QString &table, const QUuid &id);
// The next master version for a batch written in one transaction (a CSV import): every row
// of the batch carries it, and the lock is the same.
Result<qint64> takeMasterVersion(const QSqlDatabase &conn);
// The master version as committed now: the high water of a pull, the trigger of a hint.
Result<qint64> currentMasterVersion(const QSqlDatabase &conn);
inline Status stampMasterVersion(const Transaction &tx, const QString &table, const QUuid &id)
{
    return stampMasterVersion(tx.db(), table, id);
}

} // namespace pos
