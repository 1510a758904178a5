// SPDX-License-Identifier: GPL-3.0-or-later
#include "listcolumn.h"

namespace pos::sql {

QString listColumn(const ListOf &list, const QString &owner, const QSqlDatabase &conn)
{
    const bool postgres = conn.driverName() == QLatin1String("QPSQL");
    QString item;
    if (list.values.size() == 1) {
        item = QStringLiteral("CAST(c.%1 AS TEXT)").arg(list.values.first());
    } else {
        QStringList pairs;
        for (const QString &v : list.values) {
            pairs << QStringLiteral("'%1', c.%1").arg(v);
        }
        item = (postgres ? QStringLiteral("json_build_object(%1)")
                         : QStringLiteral("json_object(%1)"))
                       .arg(pairs.join(QStringLiteral(", ")));
    }
    const QString order = QStringLiteral("c.")
                          + (list.position.isEmpty() ? list.values.first() : list.position);
    // SQLite 3.40 has no ORDER BY inside an aggregate; it keeps a subquery's order.
    return (postgres ? QStringLiteral("(SELECT json_agg(%1 ORDER BY %2) FROM %3 c WHERE c.%4 = "
                                      "%5.id)")
                     : QStringLiteral("(SELECT json_group_array(%1) FROM (SELECT * FROM %3 c "
                                      "WHERE c.%4 = %5.id ORDER BY %2) c)"))
            .arg(item, order, list.table, list.parent, owner);
}

} // namespace pos::sql
