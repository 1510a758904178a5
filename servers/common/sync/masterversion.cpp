// SPDX-License-Identifier: GPL-3.0-or-later
#include "masterversion.h"

#include "servers/common/sqlvalues.h"

namespace pos {

Result<qint64> takeMasterVersion(const QSqlDatabase &conn)
{
    auto bumped = exec(conn, QStringLiteral("UPDATE sync_versions SET version = version + 1 "
                                            "WHERE domain = 'master'"));
    if (!bumped) {
        return fail(bumped.error());
    }
    if (conn.driverName() == QLatin1String("QPSQL")) {
        // Delivered at commit, to every HQ process listening on this database.
        auto notified = exec(conn, QStringLiteral("NOTIFY pos_master"));
        if (!notified) {
            return fail(notified.error());
        }
    }
    return currentMasterVersion(conn);
}

Result<qint64> currentMasterVersion(const QSqlDatabase &conn)
{
    auto q = exec(conn,
                  QStringLiteral("SELECT version FROM sync_versions WHERE domain = 'master'"));
    if (!q || !q->next()) {
        return q ? fail(ErrorCode::Internal, QStringLiteral("no master version")) : fail(q.error());
    }
    return q->value(0).toLongLong();
}

Status stampMasterVersion(const QSqlDatabase &conn, const QString &table, const QUuid &id)
{
    auto version = takeMasterVersion(conn);
    if (!version) {
        return fail(version.error());
    }
    auto stamped = exec(conn, QStringLiteral("UPDATE %1 SET version = ? WHERE id = ?").arg(table),
                        {*version, sql::id(id)});
    return stamped ? Status{} : fail(stamped.error());
}

} // namespace pos
