// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushservice.h"

#include "pushbody.h"
#include "pushrecords.h"

#include "servers/common/dispatcher.h"
#include "servers/common/paging.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

// The store's error, not ours: its record is kept in quarantine. Anything else (the
// database busy or gone, a record waiting for an earlier one) is worth another try.
bool refused(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest:
    case ErrorCode::Validation:
    case ErrorCode::Conflict:
    case ErrorCode::NotFound:
    case ErrorCode::Forbidden:
        return true;
    default:
        return false;
    }
}

Status quarantine(const Transaction &tx, const QUuid &store, const PushRecord &r,
                  const QByteArray &payload, const QString &reason, const QDateTime &now)
{
    auto q = tx.exec(QStringLiteral("INSERT INTO sync_quarantine (store_id, kind, record_id, "
                                    "payload, reason, received_at) VALUES (?, ?, ?, ?, ?, ?) ON "
                                    "CONFLICT (store_id, kind, record_id) DO UPDATE SET payload = "
                                    "excluded.payload, reason = excluded.reason, received_at = "
                                    "excluded.received_at, resolved_at = NULL"),
                     {sql::id(store), r.kind, sql::id(r.id), QString::fromUtf8(payload), reason,
                      sql::timestampText(now)});
    return q ? Status{} : fail(q.error());
}

Status release(const Transaction &tx, const QUuid &store, const PushRecord &r, const QDateTime &now)
{
    auto q = tx.exec(QStringLiteral("UPDATE sync_quarantine SET resolved_at = ? WHERE store_id = ? "
                                    "AND kind = ? AND record_id = ? AND resolved_at IS NULL"),
                     {sql::timestampText(now), sql::id(store), r.kind, sql::id(r.id)});
    return q ? Status{} : fail(q.error());
}

// Record i under its own savepoint: a refusal undoes only that record.
Result<PushResult> takeOne(const Transaction &tx, const QUuid &store, const PushBody &body,
                           qsizetype i, const QDateTime &now)
{
    const PushRecord &r = body.batch().records.at(i);
    PushResult result{r.kind, r.id, r.revision, QStringLiteral("ok"), {}};
    if (auto sp = tx.exec(QStringLiteral("SAVEPOINT record")); !sp) {
        return fail(sp.error());
    }
    const PushKind *kind = pushKind(r.kind);
    auto taken = kind ? takeRecord(tx, *kind, store, r.id, body.dataObject(i))
                      : Result<Taken>(fail(ErrorCode::Validation,
                                           Tr::tr("kind: unknown record kind %1").arg(r.kind)));
    if (taken) {
        result.status = *taken == Taken::Duplicate ? QStringLiteral("duplicate")
                                                   : QStringLiteral("ok");
        auto done = tx.exec(QStringLiteral("RELEASE SAVEPOINT record"));
        const Status released = done ? release(tx, store, r, now) : Status(fail(done.error()));
        return released ? Result<PushResult>(result) : fail(released.error());
    }
    if (auto back = tx.exec(QStringLiteral("ROLLBACK TO SAVEPOINT record")); !back) {
        return fail(back.error());
    }
    result.reason = taken.error().message;
    result.status = refused(taken.error().code) ? QStringLiteral("rejected")
                                                : QStringLiteral("retry");
    if (result.status == QLatin1String("rejected")) {
        if (auto ok = quarantine(tx, store, r, body.dataText(i), result.reason, now); !ok) {
            return fail(ok.error());
        }
    }
    return result;
}

// Records of bulk kinds that HQ does not hold yet, by position in the batch.
Result<QList<qsizetype>> freshOnes(const Transaction &tx, const PushBatch &batch)
{
    QHash<QString, QList<QUuid>> ids;
    for (const PushRecord &r : batch.records) {
        ids[r.kind] << r.id;
    }
    QHash<QString, QSet<QUuid>> held;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        const PushKind *kind = pushKind(it.key());
        if (kind && takesInBulk(*kind)) {
            auto some = heldIds(tx, *kind, it.value());
            if (!some) {
                return fail(some.error());
            }
            held.insert(it.key(), *some);
        }
    }
    QList<qsizetype> fresh;
    QSet<QUuid> seen;
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        const PushRecord &r = batch.records[i];
        if (held.contains(r.kind) && !held.value(r.kind).contains(r.id) && !seen.contains(r.id)) {
            fresh << i;
            seen.insert(r.id);
        }
    }
    return fresh;
}

// The fresh records inserted a statement per table, kind by kind in dependency order,
// under one savepoint: false (and nothing written) when any of them is refused.
Result<bool> takeInBulk(const Transaction &tx, const QUuid &store, const PushBody &body,
                        const QList<qsizetype> &fresh, const QDateTime &now)
{
    if (fresh.isEmpty()) {
        return true;
    }
    if (auto sp = tx.exec(QStringLiteral("SAVEPOINT bulk")); !sp) {
        return fail(sp.error());
    }
    Status ok;
    QVariantList ids{sql::timestampText(now), sql::id(store)};
    for (const PushKind &kind : pushKinds()) {
        QList<std::pair<QUuid, simdjson::dom::object>> records;
        for (qsizetype i : fresh) {
            const PushRecord &r = body.batch().records.at(i);
            if (r.kind == QLatin1String(kind.kind)) {
                records.append({r.id, body.data(i)});
                ids << sql::id(r.id);
            }
        }
        ok = ok && !records.isEmpty() ? insertNew(tx, kind, store, records) : ok;
    }
    if (ok) { // a record refused earlier and taken now leaves quarantine
        auto released = tx.exec(QStringLiteral("UPDATE sync_quarantine SET resolved_at = ? WHERE "
                                               "store_id = ? AND resolved_at IS NULL AND record_id "
                                               "IN (?%1)")
                                        .arg(QStringLiteral(", ?").repeated(ids.size() - 3)),
                                ids);
        ok = released ? Status{} : Status(fail(released.error()));
    }
    auto end = tx.exec(ok ? QStringLiteral("RELEASE SAVEPOINT bulk")
                          : QStringLiteral("ROLLBACK TO SAVEPOINT bulk"));
    if (!end) {
        return fail(end.error());
    }
    return static_cast<bool>(ok);
}

PushResult waits(const PushRecord &r)
{
    return PushResult{r.kind, r.id, r.revision, QStringLiteral("retry"),
                      Tr::tr("waits for an earlier record")};
}

// Each record one at a time, in the batch's order, skipping those in `skip`; after one
// that must wait, the rest wait too (they may refer to it). Returns where waiting began.
Result<qsizetype> takeEach(const Transaction &tx, const QUuid &store, const PushBody &body,
                           const QSet<qsizetype> &skip, QList<PushResult> &results,
                           const QDateTime &now)
{
    const PushBatch &batch = body.batch();
    qsizetype waitingFrom = batch.records.size();
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        if (skip.contains(i)) {
            continue;
        }
        const PushRecord &r = batch.records[i];
        auto result = i > waitingFrom ? Result<PushResult>(waits(r))
                                      : takeOne(tx, store, body, i, now);
        if (!result) {
            return fail(result.error());
        }
        if (result->status == QLatin1String("retry")) {
            waitingFrom = std::min(waitingFrom, i);
        }
        results[i] = *result;
    }
    return waitingFrom;
}

Result<PushAnswer> takeBatch(const Transaction &tx, const QUuid &store, const PushBody &body,
                             const QDateTime &now)
{
    const PushBatch &batch = body.batch();
    auto fresh = freshOnes(tx, batch);
    if (!fresh) {
        return fail(fresh.error());
    }
    QList<PushResult> results(batch.records.size());
    // First the records HQ holds and those with ordered streams (sessions, transfers), so
    // the new sales after them find what they refer to.
    const QSet<qsizetype> freshSet(fresh->cbegin(), fresh->cend());
    auto waitingFrom = takeEach(tx, store, body, freshSet, results, now);
    if (!waitingFrom) {
        return fail(waitingFrom.error());
    }
    QList<qsizetype> bulkNow;
    for (qsizetype i : *fresh) {
        if (i < *waitingFrom) {
            bulkNow << i;
        } else {
            results[i] = waits(batch.records[i]);
        }
    }
    auto bulk = takeInBulk(tx, store, body, bulkNow, now);
    if (!bulk) {
        return fail(bulk.error());
    }
    if (*bulk) {
        for (qsizetype i : bulkNow) {
            const PushRecord &r = batch.records[i];
            results[i] = PushResult{r.kind, r.id, r.revision, QStringLiteral("ok"), {}};
        }
    } else { // one of them is refused: find it, one at a time
        QSet<qsizetype> others;
        for (qsizetype i = 0; i < batch.records.size(); ++i) {
            others.insert(i);
        }
        for (qsizetype i : bulkNow) {
            others.remove(i);
        }
        if (auto each = takeEach(tx, store, body, others, results, now); !each) {
            return fail(each.error());
        }
    }
    return PushAnswer{results};
}

Result<PushAnswer> pushRecords(CallContext &c, const PushBody &body)
{
    const QUuid store = c.user ? c.user->storeId : QUuid();
    if (store.isNull()) {
        return fail(ErrorCode::Forbidden, Tr::tr("only a store's sync session may push"));
    }
    const PushBatch &batch = body.batch();
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto answer = takeBatch(*tx, store, body, c.now);
    if (!answer) {
        return fail(answer.error());
    }
    qint64 settled = 0;
    for (const PushResult &r : answer->results) {
        settled += r.status == QLatin1String("retry") ? 0 : 1;
    }
    auto seen = tx->exec(QStringLiteral(
                                 "UPDATE store_credentials SET last_push_at = ?, pending = ? "
                                 "WHERE store_id = ?"),
                         {sql::timestampText(c.now), std::max<qint64>(0, batch.pending - settled),
                          sql::id(store)});
    if (!seen) {
        return fail(seen.error());
    }
    // Acknowledged only once committed: a lost commit leaves the store to send it again.
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return answer;
}

Result<Page<QuarantinedRecord>> quarantined(CallContext &c, const ListQuery &query)
{
    auto p = paging(query);
    auto conn = c.db.connection();
    if (!p || !conn) {
        return fail(!p ? p.error() : conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT q.store_id, s.code, q.kind, q.record_id, q.reason, "
                          "q.received_at, q.payload FROM sync_quarantine q JOIN stores s ON s.id = "
                          "q.store_id WHERE q.resolved_at IS NULL ORDER BY q.received_at, "
                          "q.record_id LIMIT ? OFFSET ?"),
                  {p->limit + 1, p->offset});
    if (!q) {
        return fail(q.error());
    }
    QList<QuarantinedRecord> rows;
    while (q->next()) {
        rows.append(
                QuarantinedRecord{QUuid::fromString(q->value(0).toString()), q->value(1).toString(),
                                  q->value(2).toString(), QUuid::fromString(q->value(3).toString()),
                                  q->value(4).toString(), sql::timestamp(q->value(5)),
                                  QJsonDocument::fromJson(q->value(6).toString().toUtf8()).object()});
    }
    return pageOf(rows, *p);
}

} // namespace

void registerPushHandlers(Dispatcher &dispatcher)
{
    // The batch is read where it was parsed: PushBody checks it with PushBatch's codec.
    dispatcher.addBodyReader(QStringLiteral("push_records"),
                             [](CallContext &c, const QByteArray &json) -> Result<Reply> {
                                 auto body = PushBody::parse(json);
                                 auto answer = body ? pushRecords(c, **body)
                                                    : Result<PushAnswer>(fail(body.error()));
                                 if (!answer) {
                                     return fail(answer.error());
                                 }
                                 return Reply(json::write(*answer));
                             });
    dispatcher.add(QStringLiteral("get_quarantine"),
                   typed<ListQuery, Page<QuarantinedRecord>>(quarantined));
}

} // namespace pos
