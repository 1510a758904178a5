// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfers.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"
#include "servers/common/paging.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/masterversion.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Transfers)
};

const QString kColumns = QStringLiteral(
        "id, from_store_id, to_store_id, sequence, status, created_at, sent_at, received_at, "
        "note, resolution");

QDateTime timestampOrNull(const QVariant &v)
{
    return v.isNull() ? QDateTime() : sql::timestamp(v);
}

Transfer transferOf(const QSqlQuery &q)
{
    Transfer t{QUuid::fromString(q.value(0).toString()),
               QUuid::fromString(q.value(1).toString()),
               QUuid::fromString(q.value(2).toString()),
               q.value(3).toLongLong(),
               TransferStatus::Draft,
               sql::timestamp(q.value(5)),
               timestampOrNull(q.value(6)),
               timestampOrNull(q.value(7)),
               q.value(8).toString(),
               q.value(9).toString(),
               {}};
    t.status = json::enumFromName(q.value(4).toString(), kTransferStatusNames, t.status);
    return t;
}

Status addLines(const QSqlDatabase &conn, Transfer &t)
{
    auto q = exec(conn,
                  QStringLiteral("SELECT product_id, sent, received, damaged FROM transfer_lines "
                                 "WHERE transfer_id = ? ORDER BY product_id"),
                  {sql::id(t.id)});
    if (!q) {
        return fail(q.error());
    }
    while (q->next()) {
        t.lines.append(TransferLine{QUuid::fromString(q->value(0).toString()),
                                    Quantity::fromMilli(q->value(1).toLongLong()),
                                    Quantity::fromMilli(q->value(2).toLongLong()),
                                    Quantity::fromMilli(q->value(3).toLongLong())});
    }
    return {};
}

Result<Page<Transfer>> listTransfers(CallContext &c, const ListQuery &query)
{
    auto p = paging(query);
    auto conn = c.db.connection();
    if (!p || !conn) {
        return fail(!p ? p.error() : conn.error());
    }
    const bool store = c.server.role == ServerRole::Store;
    QVariantList values;
    if (store) {
        values << sql::id(c.server.storeId) << sql::id(c.server.storeId);
    }
    values << p->limit + 1 << p->offset;
    auto q = exec(*conn,
                  QStringLiteral("SELECT %1 FROM transfers WHERE deleted = FALSE %2 ORDER BY CASE "
                                 "status WHEN 'in_transit' THEN 0 WHEN 'received' THEN 1 ELSE 2 "
                                 "END, created_at DESC, id LIMIT ? OFFSET ?")
                          .arg(kColumns, store ? QStringLiteral("AND (from_store_id = ? OR "
                                                                "to_store_id = ?)")
                                               : QString()),
                  values);
    if (!q) {
        return fail(q.error());
    }
    QList<Transfer> rows;
    while (q->next()) {
        rows.append(transferOf(*q));
    }
    q->finish();
    for (Transfer &t : rows) {
        if (auto ok = addLines(*conn, t); !ok) {
            return fail(ok.error());
        }
    }
    return pageOf(rows, *p);
}

Result<Transfer> resolveTransfer(CallContext &c, const TransferResolution &request)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto held = readTransfer(tx->db(), request.id);
    if (!held) {
        return fail(held.error());
    }
    if (held->status == TransferStatus::Closed) {
        return held; // resolved already: the same answer again
    }
    if (held->status != TransferStatus::Received) {
        return fail(ErrorCode::Conflict,
                    Tr::tr("only a received transfer whose counts differ is resolved"));
    }
    auto q = tx->exec(
            QStringLiteral("UPDATE transfers SET status = 'closed', resolution = ? WHERE id = ?"),
            {request.resolution, sql::id(request.id)});
    if (!q) {
        return fail(q.error());
    }
    // The stores pull it back, so the difference closes at both ends too.
    if (auto ok = stampMasterVersion(*tx, QStringLiteral("transfers"), request.id); !ok) {
        return fail(ok.error());
    }
    if (auto ok = appendAudit(*tx, c,
                              {QStringLiteral("transfer.resolved"),
                               request.resolution,
                               json::write(*held),
                               {}});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    auto conn = c.db.connection();
    return conn ? readTransfer(*conn, request.id) : fail(conn.error());
}

} // namespace

Result<Transfer> readTransfer(const QSqlDatabase &conn, const QUuid &id)
{
    auto q = exec(conn, QStringLiteral("SELECT %1 FROM transfers WHERE id = ?").arg(kColumns),
                  {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such transfer"));
    }
    Transfer t = transferOf(*q);
    q->finish();
    if (auto ok = addLines(conn, t); !ok) {
        return fail(ok.error());
    }
    return t;
}

void registerTransferQueries(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_transfers"), typed<ListQuery, Page<Transfer>>(listTransfers));
}

void registerTransferResolution(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("resolve_transfer"),
                   typed<TransferResolution, Transfer>(resolveTransfer));
}

} // namespace pos
