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
    return stamped ? Status{} : fail(stamped.error());
}

} // namespace pos
