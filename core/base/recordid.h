// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>
#include <QUuid>

#include <chrono>

namespace pos {

// Ids for the records a shop writes all day (sales, their lines, payments and stock
// movements, sessions, audit rows). Random (version 4) ids put every new row's index entry
// on a random page of every index keyed by it, so a store's and HQ's indexes are written
// all over and, once larger than memory, read from disk for each insert. These ids start
// with the time instead, so the rows of one day sit together at the end of their indexes.

// A new id, UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, the
// millisecond's fraction in the next 12 bits, then 62 random bits.
QUuid newRecordId();
QUuid newRecordId(std::chrono::system_clock::time_point at);
// newRecordId() as the text the API and SQL take ("01a2…", no braces).
QString newRecordIdText();

// The id of a record that follows from another, the same for the same `source` and `tag`
// every time (a sale line's stock movement, say), so a replayed write finds it again.
// It keeps the source's first 48 bits, its time for a newRecordId(), and takes the rest
// from a SHA-1 of the source and the tag (UUID version 8, RFC 9562).
QUuid derivedRecordId(const QUuid &source, QStringView tag);

} // namespace pos
