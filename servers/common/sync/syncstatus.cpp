// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatus.h"

#include "hinthub.h"
#include "masterversion.h"

#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"

namespace pos {

namespace {

QDateTime timestampOrNull(const QVariant &v)
{
    return v.isNull() ? QDateTime() : sql::timestamp(v);
}

Result<SyncStatus> syncStatus(CallContext &c, const HintHub &hints)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto high = currentMasterVersion(*conn);
    if (!high) {
        return fail(high.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT s.id, s.code, s.name, k.last_seen_at, k.status, "
                          "k.pulled_version, k.last_push_at, k.pending, (SELECT COUNT(*) FROM "
                          "sync_quarantine q WHERE q.store_id = s.id AND q.resolved_at IS NULL) "
                          "FROM stores s LEFT JOIN store_credentials k ON k.store_id = s.id "
                          "WHERE s.deleted = FALSE ORDER BY s.code"));
    if (!q) {
        return fail(q.error());
    }
    const QHash<QUuid, QDateTime> connected = hints.connected();
    SyncStatus status;
    while (q->next()) {
        const QUuid id = QUuid::fromString(q->value(0).toString());
        const bool pulled = !q->value(3).isNull();
        status.stores.append(
                StoreSyncStatus{id, q->value(1).toString(), q->value(2).toString(),
                                connected.contains(id), connected.value(id),
                                timestampOrNull(q->value(3)),
                                q->value(4).toString() == QLatin1String("active"),
                                pulled ? std::max<qint64>(0, *high - q->value(5).toLongLong())
                                       : *high,
                                timestampOrNull(q->value(6)), q->value(7).toLongLong(),
                                q->value(8).toLongLong()});
    }
    return status;
}

} // namespace

void registerSyncStatusHandlers(Dispatcher &dispatcher, const HintHub &hints)
{
    dispatcher.add(QStringLiteral("get_sync_status"),
                   typed<Empty, SyncStatus>([&hints](CallContext &c, const Empty &) {
                       return syncStatus(c, hints);
                   }));
}

} // namespace pos
