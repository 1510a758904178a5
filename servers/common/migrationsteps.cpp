// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/migrationsteps.h"

#include "servers/common/catalog/catalogservice.h"

#include <QSqlQuery>

namespace pos {

Status rewriteAllProductWords(const Transaction &tx, int chunk)
{
    QString after;
    for (;;) {
        const QString where = after.isEmpty() ? QString() : QStringLiteral("WHERE id > ? ");
        auto q = tx.exec(QStringLiteral("SELECT id, name FROM products %1ORDER BY id LIMIT %2")
                                 .arg(where)
                                 .arg(chunk),
                         after.isEmpty() ? QVariantList() : QVariantList{after});
        if (!q) {
            return fail(q.error());
        }
        QList<std::pair<QString, QString>> named;
        while (q->next()) {
            named.append({q->value(0).toString(), q->value(1).toString()});
        }
        if (auto ok = addProductWords(tx, named); !ok || named.size() < chunk) {
            return ok;
        }
        after = named.last().first;
    }
}

MigrationSteps migrationSteps()
{
    return {{QStringLiteral("common/0019_word_keys"), [](const Transaction &tx) {
                 return rewriteAllProductWords(tx);
             }}};
}

} // namespace pos
