// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/copyrows.h"
#include "core/db/transaction.h"

#include "pulledpage.h"

#include <QJsonValue>
#include <QSet>

namespace pos {

// New rows for one table, written straight into COPY's text as they are added, with the
// distinct values of each key column kept aside for copyCheckingKeysOnce(). Key columns
// are those named `id` or ending in `_id`, the ones our foreign keys name on either side;
// a foreign key on any other column makes the copy fall back to the row-by-row triggers.
// (Built as QVariants first, a pushed batch's rows cost HQ a third of its CPU.)
class TableRows
{
public:
    TableRows(Engine engine, QString table, QStringList columns);

    // The next column's value: null, a boolean, a number (an integer) or a text.
    TableRows &value(const QJsonValue &v);
    TableRows &value(const QVariant &v);
    // The same from a body read in place (PushBody), strings straight from its UTF-8.
    TableRows &value(const PulledPage::Element &v);

    const QString &table() const { return m_table; }
    const QStringList &columns() const { return m_columns; }
    const CopyRows &rows() const { return m_rows; }
    // The distinct non-null values of a key column; nullptr for any other column.
    const QSet<QString> *keys(const QString &column) const;

private:
    bool isKey() const; // whether the next value is a key column's
    void noteKey(const QString &text);

    QString m_table;
    QStringList m_columns;
    CopyRows m_rows;
    QList<qsizetype> m_keyOf;    // per column: its place in m_keys, or -1
    QList<QSet<QString>> m_keys; // per key column
    QList<QString> m_lastKey;    // per key column: the value added last (rows repeat it)
    qsizetype m_next = 0;        // the column the next value is for
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
