// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatus.h"

#include "hinthub.h"

#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"

namespace pos {

void registerSyncStatusHandlers(Dispatcher &dispatcher, const HintHub &hints)
{
    dispatcher.add(
            QStringLiteral("get_sync_status"),
            typed<Empty, SyncStatus>([&hints](CallContext &c, const Empty &) -> Result<SyncStatus> {
                auto conn = c.db.connection();
                if (!conn) {
                    return fail(conn.error());
                }
                auto q = exec(*conn,
                              QStringLiteral(
                                      "SELECT s.id, s.code, s.name, k.last_seen_at, k.status FROM "
                                      "stores s LEFT JOIN store_credentials k ON k.store_id = s.id "
                                      "WHERE s.deleted = FALSE ORDER BY s.code"));
                if (!q) {
                    return fail(q.error());
                }
                const QHash<QUuid, QDateTime> connected = hints.connected();
                SyncStatus status;
                while (q->next()) {
                    const QUuid id = QUuid::fromString(q->value(0).toString());
                    status.stores.append(
                            StoreSyncStatus{id, q->value(1).toString(), q->value(2).toString(),
                                            connected.contains(id), connected.value(id),
                                            q->value(3).isNull() ? QDateTime()
                                                                 : sql::timestamp(q->value(3)),
                                            q->value(4).toString() == QLatin1String("active")});
                }
                return status;
            }));
}

} // namespace pos
