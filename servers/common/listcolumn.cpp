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
    // Each list is aggregated from a subquery in its order, which both engines keep: an
    // ORDER BY inside json_agg sorts every row's list on its own (a third of HQ's page of
    // 5,000 products), where an index in the list's order (HQ has them, migration 0024)
    // gives the order for nothing. SQLite 3.40 has no ORDER BY inside an aggregate, and
    // its json_object() must be built outside the subquery to stay JSON.
    return (postgres ? QStringLiteral("(SELECT json_agg(i) FROM (SELECT %1 AS i FROM %3 c WHERE "
                                      "c.%4 = %5.id ORDER BY %2) c)")
                     : QStringLiteral("(SELECT json_group_array(%1) FROM (SELECT * FROM %3 c "
                                      "WHERE c.%4 = %5.id ORDER BY %2) c)"))
            .arg(item, order, list.table, list.parent, owner);
}

} // namespace pos::sql
