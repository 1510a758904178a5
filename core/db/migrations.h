// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

namespace pos {

// Which server a database belongs to. Both share the common migrations; each may add
// its own (the store's outbox, HQ's sync state) in resources/migrations/<schema>/.
enum class Schema { Hq, Store };

// Applies, in order, every numbered migration not yet recorded in schema_migrations,
// each in its own transaction. Safe to run from several processes at once on PostgreSQL.
// Returns the versions it applied.
Result<QStringList> migrate(Database &database, Schema schema);

// The statements of one migration file, split on semicolons that end a line.
QStringList splitStatements(const QString &sql);

} // namespace pos
