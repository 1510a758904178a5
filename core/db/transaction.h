// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copyrows.h"
#include "database.h"

namespace pos {

// Whether a transaction will write. SQLite takes the write lock up front for writers
// (BEGIN IMMEDIATE), so two writers wait for each other instead of deadlocking.
enum class TxMode { Read, Write };

// RAII transaction: rolls back unless commit() succeeded, whatever path leaves the scope.
class Transaction
{
public:
    static Result<Transaction> begin(Database &database, TxMode mode = TxMode::Write);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    ~Transaction();

    const QSqlDatabase &db() const { return m_db; }
    Engine engine() const { return m_engine; }
    // Runs a statement now, after any queued writes.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {},
                           Plan plan = Plan::Reuse) const;
    // A write whose answer nothing reads. On PostgreSQL it waits and goes with the next
    // exec() or with commit(), in that one round trip, and a failure shows there; SQLite,
    // in-process, runs it at once.
    Status queue(const QString &sql, const QVariantList &values = {}) const;
    // Adds new rows after the queued writes, as copyRows() does: the bulk path for rows
    // known not to exist yet (a first pull, a page's child lists after their delete).
    Status copy(const QString &table, const QStringList &columns, const QVariantList &values) const;
    Status copy(const QString &table, const QStringList &columns, const CopyRows &rows) const;
    Status commit();

private:
    Transaction(const QSqlDatabase &db, Engine engine,
                std::unique_lock<std::recursive_timed_mutex> writer);
    Status flush() const; // sends the queued writes
    QSqlDatabase m_db;
    Engine m_engine;
    bool m_open = true;
    // Queued writes not yet sent. Mutable like the database behind the handle: queueing
    // is a write in all but timing.
    mutable QStringList m_queued;
    mutable qsizetype m_queuedChars = 0;
    // A SQLite writer's place in its process's queue, held until COMMIT or ROLLBACK.
    std::unique_lock<std::recursive_timed_mutex> m_writer;
};

} // namespace pos
