// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/transaction.h"

namespace pos {

// New rows for one table, as Transaction::copy takes them.
struct TableRows
{
    QString table;
    QStringList columns;
    QVariantList values; // row after row
};

// Copies new rows into their tables, in the order given (parents before children).
//
// On PostgreSQL, where the role may set session_replication_role, the copies run without
// the row-by-row foreign-key triggers and every reference is then checked once per key:
// the ids each foreign key names, less those this call wrote, looked up a statement per
// referenced table and locked FOR KEY SHARE as the triggers would have locked them. A
// missing one fails the call, naming it; the caller's savepoint then undoes the copies.
// Elsewhere (SQLite, or a role without that right) the triggers check each row as usual.
Status copyCheckingKeysOnce(const Transaction &tx, const QList<TableRows> &tables);

} // namespace pos
