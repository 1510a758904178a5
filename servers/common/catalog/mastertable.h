// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"
#include "servers/common/paging.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/masterversion.h"
#include "servers/common/sync/outbox.h"

#include <QSqlQuery>

// Master data (departments, taxes, tenders, customers, suppliers, sales reps) is written
// and listed the same way: create-or-replace by id with an audit row, and a paged list.
// Each entity describes its table once; one template does the rest.
namespace pos {

template<typename T>
struct MasterTable
{
    const char *table;                      // "tenders"
    const char *action;                     // audit action, "tender.changed"
    QStringList columns;                    // after id, in the order values() gives them
    QVariantList (*values)(const T &);      // column values after the id
    T (*read)(const QSqlQuery &);           // a row of "id, columns..."
    const char *orderBy;                    // "code"
    const char *searchColumn;               // matched with LIKE 'q%' ("name_folded", "code")
    QString (*searchText)(const QString &); // how q is written before matching
    const char *retiredAction = nullptr;    // audit action of a retirement, "tender.retired"
    const char *pushedAs = nullptr;         // a store sends its rows up to HQ as this kind
};

template<typename T>
Result<T> putMaster(CallContext &c, const MasterTable<T> &spec, const T &model)
{
    QStringList updates;
    for (const QString &col : spec.columns) {
        updates << col + QStringLiteral(" = excluded.") + col;
    }
    const QString statement
            = QStringLiteral(
                      "INSERT INTO %1 (id, %2) VALUES (?%3) ON CONFLICT (id) DO UPDATE SET %4")
                      .arg(QLatin1String(spec.table), spec.columns.join(QStringLiteral(", ")),
                           QStringLiteral(", ?").repeated(spec.columns.size()),
                           updates.join(QStringLiteral(", ")));
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto q = tx->exec(statement, QVariantList{sql::id(model.id)} + spec.values(model)); !q) {
        return fail(q.error());
    }
    if (auto ok = stampMasterVersion(*tx, QString::fromLatin1(spec.table), model.id); !ok) {
        return fail(ok.error());
    }
    // A customer signed up at the till reaches HQ, and through it the other stores.
    if (spec.pushedAs && c.server.role == ServerRole::Store) {
        if (auto ok = outbox::enqueue(*tx, spec.pushedAs, model.id, c.now); !ok) {
            return fail(ok.error());
        }
    }
    if (auto ok = appendAudit(*tx, c,
                              {QString::fromLatin1(spec.action), {}, json::write(model), {}});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return model;
}

// Retires a master row: a tombstone (deleted = TRUE) with the next version, so the stores
// pull it and stop offering it, while sales that refer to it stay whole. Audited as
// `action`. Retiring twice answers the same.
Result<Empty> retireMaster(CallContext &c, const char *table, const char *action, const QUuid &id);

template<typename T>
Result<Page<T>> listMaster(CallContext &c, const MasterTable<T> &spec, const ListQuery &query)
{
    auto p = paging(query);
    auto conn = c.db.connection();
    if (!p || !conn) {
        return fail(!p ? p.error() : conn.error());
    }
    const QString statement
            = QStringLiteral(
                      "SELECT id, %1 FROM %2 WHERE deleted = FALSE AND %3 LIKE ? ORDER BY %4, id "
                      "LIMIT ? OFFSET ?")
                      .arg(spec.columns.join(QStringLiteral(", ")), QLatin1String(spec.table),
                           QLatin1String(spec.searchColumn), QLatin1String(spec.orderBy));
    auto q = exec(*conn, statement,
                  {spec.searchText(query.q) + QLatin1Char('%'), p->limit + 1, p->offset});
    if (!q) {
        return fail(q.error());
    }
    QList<T> rows;
    while (q->next()) {
        rows << spec.read(*q);
    }
    return pageOf(rows, *p);
}

// Binds the put_ and get_ commands of one entity.
template<typename T>
void bindMaster(Dispatcher &dispatcher, const char *put, const char *list, const char *retire,
                const MasterTable<T> &spec)
{
    if (retire) { // stores and registers are not retired this way
        dispatcher.add(QString::fromLatin1(retire),
                       typed<Id, Empty>([spec](CallContext &c, const Id &id) {
                           return retireMaster(c, spec.table, spec.retiredAction, id.id);
                       }));
    }
    dispatcher.add(QString::fromLatin1(put), typed<T, T>([spec](CallContext &c, const T &m) {
                       return putMaster(c, spec, m);
                   }));
    dispatcher.add(QString::fromLatin1(list),
                   typed<ListQuery, Page<T>>([spec](CallContext &c, const ListQuery &q) {
                       return listMaster(c, spec, q);
                   }));
}

} // namespace pos
