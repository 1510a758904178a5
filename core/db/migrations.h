// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "transaction.h"

#include <QHash>

#include <functional>

namespace pos {

// Which server a database belongs to. Both share the common migrations; each may add
// its own (the store's outbox, HQ's sync state) in resources/migrations/<schema>/.
enum class Schema { Hq, Store };

// What a migration needs done in code, after its SQL and in its transaction (data only
// C++ can derive, such as search words), by version: "common/0019_word_keys".
using MigrationSteps = QHash<QString, std::function<Status(const Transaction &)>>;

// Applies, in order, every numbered migration not yet recorded in schema_migrations,
// each in its own transaction with its step, if any. A file named NNNN_x.postgresql.sql
// or NNNN_x.sqlite.sql is for that engine only. Safe to run from several processes at
// once on PostgreSQL. Returns the versions it applied.
Result<QStringList> migrate(Database &database, Schema schema, const MigrationSteps &steps = {});

// The statements of one migration file, split on semicolons that end a line.
QStringList splitStatements(const QString &sql);

} // namespace pos
