// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace pos::sql {

// The rows of a child table that belong to one row of its parent: a product's barcodes.
struct ListOf
{
    QString table;      // "product_barcodes"
    QString parent;     // "product_id", the column naming the parent row's id
    QStringList values; // {"barcode"}: one column comes as a list of texts, more as objects
    QString position;   // the column giving their order; empty for a set, ordered by value
};

// A list as one JSON array column of each parent row that `owner` names, in its order:
// a correlated subquery both engines run as an index probe per row, so the rows and their
// lists come in one statement (and from one snapshot). NULL or [] when there are none.
QString listColumn(const ListOf &list, const QString &owner, const QSqlDatabase &conn);

} // namespace pos::sql
