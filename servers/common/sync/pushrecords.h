// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/transaction.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QUuid>

#include <simdjson.h>

namespace pos {

// Rows that belong to a pushed record and travel inside it: a sale's lines, payments and
// stock movements, a transfer's lines.
struct PushPart
{
    const char *table;     // "sale_lines"
    const char *parent;    // "sale_id": the column naming the record
    QStringList columns;   // every other column
    QStringList booleans;  // those of them that are booleans
    QStringList key;       // the conflict target, ("id") or ("transfer_id", "product_id")
    QStringList updatable; // what a later state of the record may change
};

// A kind of record a store pushes to HQ, read and written as its rows: the same migrations
// make the same tables on both sides. Records are born with their UUIDs, so HQ takes each
// exactly once however often it arrives.
struct PushKind
{
    const char *kind;  // "sale"
    const char *table; // "sales"
    QStringList columns;
    QStringList booleans;
    QStringList storeColumns; // the pushing store must be one of these; empty: any store
    // A record that moves on (a session closes, a sale is voided, a transfer is received)
    // is taken again only in a later state than HQ holds: `status` ranked by `progress`.
    const char *status = nullptr;
    QStringList progress = {};
    QStringList updatable = {};
    const char *fingerprint = nullptr; // the same id with another value here is a conflict
    const char *stream = nullptr;      // an ordered stream ("register_id") by "sequence"
    bool routed = false;               // HQ passes it on to stores through the pull
    QList<PushPart> parts = {};
};

// In the order records depend on each other: a sale needs its customer and its session.
const QList<PushKind> &pushKinds();
const PushKind *pushKind(const QString &kind);

// The store's side: records of one kind as they stand now, by id, each encoded as the JSON
// object {row, parts: {table: [rows]}} it travels as, read a statement per table for all
// of them. An id no longer here is missing.
Result<QHash<QUuid, QByteArray>> readRecords(const QSqlDatabase &conn, const PushKind &kind,
                                             const QList<QUuid> &ids);

// HQ's side: takes one record from `storeId` into the caller's transaction. A record not
// allowed, malformed or in conflict fails with a client error (rejected, quarantined);
// one that must wait for an earlier record of its stream fails with Unavailable (retry).
enum class Taken { New, Advanced, Duplicate };
Result<Taken> takeRecord(const Transaction &tx, const PushKind &kind, const QUuid &storeId,
                         const QUuid &id, const QJsonObject &data);

// HQ's fast path: records of one kind that HQ does not hold yet, inserted with their parts
// in a statement per table, their data read where the batch was parsed (PushBody). Fails
// as a whole; the caller then takes them one by one.
bool takesInBulk(const PushKind &kind); // no ordered stream to check
Status insertNew(const Transaction &tx, const PushKind &kind, const QUuid &storeId,
                 const QList<std::pair<QUuid, simdjson::dom::object>> &records);
// Which of these ids HQ already holds.
Result<QSet<QUuid>> heldIds(const Transaction &tx, const PushKind &kind, const QList<QUuid> &ids);

} // namespace pos
