// SPDX-License-Identifier: GPL-3.0-or-later
#include "transaction.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace pos {

Result<Transaction> Transaction::begin(Database &database, TxMode mode)
{
    auto db = database.connection();
    if (!db) {
        return fail(db.error());
    }
    const bool immediate = mode == TxMode::Write && database.engine() == Engine::Sqlite;
    auto writer = immediate ? database.waitToWrite()
                            : std::unique_lock<std::recursive_timed_mutex>();
    auto started = pos::exec(*db, immediate ? QStringLiteral("BEGIN IMMEDIATE")
                                            : QStringLiteral("BEGIN"));
    if (!started) {
        return fail(started.error());
    }
    return Transaction(*db, database.engine(), std::move(writer));
}

Transaction::Transaction(const QSqlDatabase &db, Engine engine,
                         std::unique_lock<std::recursive_timed_mutex> writer)
    : m_db(db)
    , m_engine(engine)
    , m_writer(std::move(writer))
{}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db) // QSqlDatabase is a shared handle: copying is cheap
    , m_engine(other.m_engine)
    , m_open(std::exchange(other.m_open, false))
    , m_queued(std::exchange(other.m_queued, {}))
    , m_queuedChars(std::exchange(other.m_queuedChars, 0))
    , m_writer(std::move(other.m_writer))
{}

Transaction::~Transaction()
{
    if (m_open) {
        if (auto rolledBack = pos::exec(m_db, QStringLiteral("ROLLBACK")); !rolledBack) {
            qCWarning(lcDb) << "rollback failed:" << rolledBack.error().details;
        }
    }
}

Result<QSqlQuery> Transaction::exec(const QString &sql, const QVariantList &values, Plan plan) const
{
    if (auto sent = flush(); !sent) {
        return fail(sent.error());
    }
    return pos::exec(m_db, sql, values, plan);
}

Status Transaction::queue(const QString &sql, const QVariantList &values) const
{
    if (m_engine == Engine::Sqlite) {
        auto q = pos::exec(m_db, sql, values);
        return q ? Status() : fail(q.error());
    }
    auto text = statementText(m_db, sql, values);
    if (!text) {
        return fail(text.error());
    }
    m_queued << *text;
    m_queuedChars += text->size();
    // A bulk write (an import, a pull) sends what it has every few megabytes rather than
    // holding it all for the commit.
    constexpr qsizetype kMostQueuedChars = 4 << 20;
    return m_queuedChars < kMostQueuedChars ? Status() : flush();
}

Status Transaction::copy(const QString &table, const QStringList &columns,
                         const QVariantList &values) const
{
    if (auto sent = flush(); !sent) {
        return sent;
    }
    return copyRows(m_db, table, columns, values);
}

Status Transaction::copy(const QString &table, const QStringList &columns,
                         const CopyRows &rows) const
{
    if (auto sent = flush(); !sent) {
        return sent;
    }
    return copyRows(m_db, table, columns, rows);
}

Status Transaction::flush() const
{
    m_queuedChars = 0;
    return m_queued.isEmpty() ? Status() : execTexts(m_db, std::exchange(m_queued, {}));
}

Status Transaction::commit()
{
    // Queued writes and the COMMIT travel together; if one fails, PostgreSQL stops there
    // and the transaction stays open for the destructor to roll back.
    m_queuedChars = 0;
    auto done = execTexts(m_db, std::exchange(m_queued, {}) << QStringLiteral("COMMIT"));
    if (!done) {
        return fail(done.error()); // still open: the destructor rolls back
    }
    m_open = false;
    m_writer = {}; // the next writer may begin
    return {};
}

} // namespace pos
