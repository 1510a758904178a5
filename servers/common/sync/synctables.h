// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <QStringList>
#include <utility>

namespace pos {

// A table that flows down from HQ: its columns after id, and which of them are booleans
// (SQLite stores those as integers; they travel as JSON booleans). The same migrations
// make the same tables on both sides, so a row travels as its columns.
// A list that belongs to a row and travels inside it: a product's barcodes, a role's
// permissions. `key` names it in the row's JSON; `position`, when set, keeps the order.
struct SyncChild
{
    const char *key;      // "barcodes"
    const char *table;    // "product_barcodes"
    const char *parent;   // "product_id"
    QStringList values;   // {"barcode"}: one column travels as a plain list, more as objects
    const char *position; // "position", or nullptr for a set
    bool unique = false;  // a value belongs to one row only: HQ's row takes it from a local one
};

struct SyncTable
{
    const char *name;
    QStringList columns;
    QStringList booleans;
    QList<SyncChild> children = {};
    // Rows only some stores receive: a condition whose every ? is the pulling store's id.
    const char *scope = nullptr;
    // Out of scope, a row is left out, or (when it may have been sent before, like a user
    // moved to another store) sent as a tombstone with these columns blanked: to this
    // text, or to NULL where it says nullptr.
    QList<std::pair<const char *, const char *>> blanked = {};
    // A column unique among the table's rows (a code): a row made locally at a store with
    // the same value yields it to HQ's row, which wins.
    const char *uniqueKey = nullptr;
};

// In pull order within one version: a referenced table before the tables referring to it.
const QList<SyncTable> &syncTables();
// The table named so, or nullptr (a name from the wire is checked against this list).
const SyncTable *syncTable(const QString &name);

} // namespace pos
