// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "servers/common/sqlvalues.h"

#include <QLoggingCategory>
#include <QMap>

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

Result<qint64> pendingCount(Database &db, const QHash<QString, QList<QUuid>> &besides)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    // One statement, so the count and what it leaves out are read at the same moment.
    QStringList left;
    QVariantList values;
    for (auto it = besides.cbegin(); it != besides.cend(); ++it) {
        left << QStringLiteral("(kind = ? AND record_id IN (%1))").arg(sql::marks(it.value().size()));
        values << it.key();
        for (const QUuid &id : it.value()) {
            values << sql::id(id);
        }
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
                          + (left.isEmpty() ? QString()
                                            : QStringLiteral(" AND NOT (%1)")
                                                      .arg(left.join(QStringLiteral(" OR ")))),
                  values, Plan::PerCall);
    if (!q || !q->next()) {
        return q ? Result<qint64>(0) : fail(q.error());
    }
    return q->value(0).toLongLong();
}

namespace {

Status deleteAcknowledged(const Transaction &tx, const QString &kind, qint64 revision,
                          const QVariantList &ids)
{
    constexpr qsizetype kChunk = 1000;
    for (qsizetype at = 0; at < ids.size(); at += kChunk) {
        const QVariantList some = ids.mid(at, kChunk);
        auto d = tx.exec(QStringLiteral("DELETE FROM outbox WHERE kind = ? AND revision = ? AND "
                                        "record_id IN (%1)")
                                 .arg(sql::marks(some.size())),
                         QVariantList{kind, revision} + some);
        if (!d) {
            return fail(d.error());
        }
    }
    return {};
}

} // namespace

Status settle(Database &db, const QList<PushResult> &results, const QDateTime &now)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    // Acknowledged revisions leave a statement per kind and revision (nearly always one):
    // only the revision HQ took leaves, a newer state queued meanwhile stays.
    QMap<std::pair<QString, qint64>, QVariantList> acknowledged;
    for (const PushResult &r : results) {
        if (r.status == QLatin1String("ok") || r.status == QLatin1String("duplicate")) {
            acknowledged[{r.kind, r.revision}] << sql::id(r.id);
        }
    }
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        if (auto ok = deleteAcknowledged(*tx, it.key().first, it.key().second, it.value()); !ok) {
            return ok;
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
