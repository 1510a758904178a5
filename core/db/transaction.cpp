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
    auto started = pos::exec(*db, immediate ? QStringLiteral("BEGIN IMMEDIATE")
                                            : QStringLiteral("BEGIN"));
    if (!started) {
        return fail(started.error());
    }
    return Transaction(*db, database.engine());
}

Transaction::Transaction(const QSqlDatabase &db, Engine engine)
    : m_db(db)
    , m_engine(engine)
{}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db) // QSqlDatabase is a shared handle: copying is cheap
    , m_engine(other.m_engine)
    , m_open(std::exchange(other.m_open, false))
{}

Transaction::~Transaction()
{
    if (m_open) {
        if (auto rolledBack = pos::exec(m_db, QStringLiteral("ROLLBACK")); !rolledBack) {
            qCWarning(lcDb) << "rollback failed:" << rolledBack.error().details;
        }
    }
}

Result<QSqlQuery> Transaction::exec(const QString &sql, const QVariantList &values) const
{
    return pos::exec(m_db, sql, values);
}

Status Transaction::commit()
{
    auto done = pos::exec(m_db, QStringLiteral("COMMIT"));
    if (!done) {
        return fail(done.error()); // still open: the destructor rolls back
    }
    m_open = false;
    return {};
}

} // namespace pos
