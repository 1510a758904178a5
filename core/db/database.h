// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include "core/base/error.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>
#include <mutex>

class QThread;

namespace pos {
class CopyRows;
}

namespace pos {

// One database, reached through one connection per thread (Qt Sql connections must not
// cross threads). Opened lazily on the calling thread and closed when that thread ends.
class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Result<std::unique_ptr<Database>> open(const QString &url);

    Engine engine() const { return m_url.engine; }
    const DatabaseUrl &url() const { return m_url; }

    // The calling thread's connection, opened and configured on first use.
    Result<QSqlDatabase> connection();

    // SQLite lets one writer in at a time. This process's writers queue for it here and
    // each is woken as soon as the one before is done; waiting in SQLite's busy handler
    // instead, they poll with sleeps that grow to 100 ms (sale p99 of 110 to 217 ms at 4
    // and 16 tills). Recursive, so a nested BEGIN on a thread fails in SQLite as before
    // rather than waiting on itself. Not locked when the wait outlasted the busy timeout.
    std::unique_lock<std::recursive_timed_mutex> waitToWrite();

private:
    Status configure(QSqlDatabase &db) const;
    void forgetThread(QThread *thread, const QString &name);

    DatabaseUrl m_url;
    QString m_prefix;
    QMutex m_mutex;
    std::recursive_timed_mutex m_writer;
    QHash<QThread *, QString> m_names; // each thread's connection name
    QObject m_context; // last member, first destroyed: ends the thread-finished hooks
};

// How PostgreSQL plans a statement with values: once per connection (it is prepared and
// then run as EXECUTE), or on every call with the values in view, for a statement whose
// best plan depends on them (a search's word ranges: a generic plan cannot tell a rare
// word from one that matches half the catalog).
enum class Plan { Reuse, PerCall };

// Runs one statement with its positional values, mapping failures to Error.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {},
                       Plan plan = Plan::Reuse);

// The text that runs `sql` with `values` on this connection: on PostgreSQL an EXECUTE of the
// statement the connection keeps prepared (preparing it on first use), else the statement
// with its values written in as literals.
Result<QString> statementText(const QSqlDatabase &db, const QString &sql,
                              const QVariantList &values, Plan plan = Plan::Reuse);

// Runs statement texts that return no rows, in order, stopping at the first failure. On
// PostgreSQL they go as one message and come back as one answer: one round trip for all.
Status execTexts(const QSqlDatabase &db, const QStringList &texts);

// Adds new rows to `table`: `values` holds them one after the other, `columns.size()` values
// each. On PostgreSQL they go through COPY, which has no statement to parse or plan and
// costs a fraction of a multi-row INSERT a row; on SQLite they are multi-row INSERTs. All
// or nothing: one refused row (a key already taken) refuses the call.
Status copyRows(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                const QVariantList &values);
// The same, for rows written as they will be sent (a first pull's pages).
Status copyRows(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                const CopyRows &rows);

// Maps a driver error to our codes: constraint violations are Conflict or Validation,
// a lost connection is Unavailable; the message says what was refused, not SQL.
Error sqlError(const QSqlError &error);

} // namespace pos
