// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "servers/common/sqlvalues.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace pos::outbox {

Status enqueue(const Transaction &tx, const char *kind, const QUuid &id, const QDateTime &now)
{
    auto q = tx.queue(QStringLiteral(
                              "INSERT INTO outbox (kind, record_id, queued_at) VALUES (?, ?, "
                              "?) ON CONFLICT (kind, record_id) DO UPDATE SET revision = "
                              "outbox.revision + 1, status = 'pending', attempts = 0, "
                              "last_error = ''"),
                      {QLatin1String(kind), sql::id(id), sql::timestampText(now)});
    return q ? Status{} : fail(q.error());
}

Result<QList<Entry>> pending(Database &db, qsizetype limit)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    // Records written in the same millisecond still go customer, session, transfer, sale,
    // movement: the order in which they can refer to each other.
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT kind, record_id, revision FROM outbox WHERE status = 'pending' "
                          "ORDER BY queued_at, CASE kind WHEN 'customer' THEN 0 WHEN 'session' "
                          "THEN 1 WHEN 'transfer' THEN 2 WHEN 'sale' THEN 3 ELSE 4 END, record_id "
                          "LIMIT ?"),
                  {static_cast<qint64>(limit)});
    if (!q) {
        return fail(q.error());
    }
    QList<Entry> out;
    while (q->next()) {
        out.append(Entry{q->value(0).toString(), QUuid::fromString(q->value(1).toString()),
                         q->value(2).toLongLong()});
    }
    return out;
}

Result<qint64> pendingCount(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'pending'"));
    if (!q || !q->next()) {
        return q ? Result<qint64>(0) : fail(q.error());
    }
    return q->value(0).toLongLong();
}

Status settle(Database &db, const QList<PushResult> &results, const QDateTime &now)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    // Acknowledged revisions leave a few hundred at a time; only the revision HQ took
    // leaves: a newer state queued meanwhile stays.
    QStringList acknowledged;
    QVariantList keys;
    for (const PushResult &r : results) {
        if (r.status != QLatin1String("ok") && r.status != QLatin1String("duplicate")) {
            continue;
        }
        acknowledged << QStringLiteral("(kind = ? AND record_id = ? AND revision = ?)");
        keys << r.kind << sql::id(r.id) << r.revision;
        if (acknowledged.size() == 300) {
            auto d = tx->exec(QStringLiteral("DELETE FROM outbox WHERE %1")
                                      .arg(acknowledged.join(QStringLiteral(" OR "))),
                              keys);
            if (!d) {
                return fail(d.error());
            }
            acknowledged.clear();
            keys.clear();
        }
    }
    if (!acknowledged.isEmpty()) {
        auto d = tx->exec(QStringLiteral("DELETE FROM outbox WHERE %1")
                                  .arg(acknowledged.join(QStringLiteral(" OR "))),
                          keys);
        if (!d) {
            return fail(d.error());
        }
    }
    for (const PushResult &r : results) {
        const bool done = r.status == QLatin1String("ok") || r.status == QLatin1String("duplicate");
        if (done) {
            continue;
        }
        const bool rejected = r.status == QLatin1String("rejected");
        auto q = tx->exec(QStringLiteral("UPDATE outbox SET status = ?, attempts = attempts "
                                         "+ 1, last_error = ? WHERE kind = ? AND record_id "
                                         "= ? AND revision = ?"),
                          {rejected ? QStringLiteral("rejected") : QStringLiteral("pending"),
                           r.reason, r.kind, sql::id(r.id), r.revision});
        if (!q) {
            return fail(q.error());
        }
    }
    auto noted = tx->exec(QStringLiteral("UPDATE sync_state SET pushed_at = ?, push_error = '' "
                                         "WHERE id = 1"),
                          {sql::timestampText(now)});
    if (!noted) {
        return fail(noted.error());
    }
    return tx->commit();
}

Status reject(Database &db, const Entry &entry, const QString &reason)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("UPDATE outbox SET status = 'rejected', last_error = ? WHERE kind "
                                 "= ? AND record_id = ? AND revision = ?"),
                  {reason, entry.kind, sql::id(entry.id), entry.revision});
    return q ? Status{} : fail(q.error());
}

} // namespace pos::outbox

namespace pos {

void noteSyncFailure(Database &db, const char *column, const QString &what, const Error &error)
{
    qCWarning(lcSync).noquote() << what << "failed:" << error.message;
    auto conn = db.connection();
    auto noted = conn ? exec(*conn,
                             QStringLiteral("UPDATE sync_state SET %1 = ? WHERE id = 1")
                                     .arg(QLatin1String(column)),
                             {error.message})
                      : Result<QSqlQuery>(fail(conn.error()));
    if (!noted) {
        qCWarning(lcSync).noquote() << "cannot note the failure:" << noted.error().message;
    }
}

} // namespace pos
