// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"

#include <QDateTime>
#include <QJsonObject>

namespace pos {

// Applies one page of get_changes to this database: each row upserted as it came (the same
// migrations made the same tables), a product's barcodes and taxes replaced, each row given
// this database's own next master version (for the tills that pull from here), and the
// page's cursor stored in the same transaction, so a crash never skips or repeats a page.
//
// In a store's first pull on PostgreSQL, a page's new rows go in without the row-by-row
// foreign-key checks (a query per key and row, a third of the store's time): the keys of
// the tables copied are dropped and added back NOT VALID in the page's own transaction,
// so they still hold for every other write, and the last page of any pull validates
// every key left unvalidated, in one pass per key. HQ's rows obey the same keys; a page
// that broke one is refused there, and the pull stops with the error. The same pull sets
// the copied tables' non-unique indexes and the search words' key aside (kept in
// deferred_indexes) and the last page of any pull builds them again: an index built over loaded
// rows is a sort, one kept during the load a random insert per row.
enum class PullKind { Later, First };
class PulledPage;
Status applyChanges(Database &db, const PulledPage &page, const QDateTime &now,
                    PullKind kind = PullKind::Later);
// The same for a page already parsed by Qt (it is written out and read again).
Status applyChanges(Database &db, const QJsonObject &page, const QDateTime &now,
                    PullKind kind = PullKind::Later);

} // namespace pos
