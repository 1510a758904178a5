// SPDX-License-Identifier: GPL-3.0-or-later
#include "masterversion.h"

#include "servers/common/sqlvalues.h"

namespace pos {

Status stampMasterVersion(const QSqlDatabase &conn, const QString &table, const QUuid &id)
{
    auto bumped = exec(
            conn,
            QStringLiteral(
                    "UPDATE sync_versions SET version = version + 1 WHERE domain = 'master'"));
    if (!bumped) {
        return fail(bumped.error());
    }
    auto stamped = exec(conn,
                        QStringLiteral("UPDATE %1 SET version = (SELECT version FROM "
                                       "sync_versions WHERE domain = 'master') WHERE id = ?")
                                .arg(table),
                        {sql::id(id)});
    if (!stamped) {
        return fail(stamped.error());
    }
    if (conn.driverName() == QLatin1String("QPSQL")) {
        // Delivered at commit, to every HQ process listening on this database.
        auto notified = exec(conn, QStringLiteral("NOTIFY pos_master"));
        if (!notified) {
            return fail(notified.error());
        }
    }
    return {};
}

} // namespace pos
