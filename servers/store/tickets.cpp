// SPDX-License-Identifier: GPL-3.0-or-later
// Parked tickets, voids of tickets in progress, and post-voids of completed sales.
#include "tickets.h"

#include "stockledger.h"

#include "core/base/recordid.h"
#include "servers/common/auditlog.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/paging.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/outbox.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sale)
};

Status belongsHere(CallContext &c, const QUuid &storeId, const QUuid &registerId)
{
    if (storeId != c.server.storeId) {
        return fail(ErrorCode::Validation, Tr::tr("store_id: is not this store"));
    }
    auto reg = registerById(c.db, registerId);
    if (!reg || reg->storeId != storeId) {
        return fail(ErrorCode::Validation, Tr::tr("register_id: not a register of this store"));
    }
    return {};
}

Result<HeldTicket> ticketFrom(const QSqlQuery &q, int first)
{
    // Columns from `first`: id, label, held_by, held_at, body.
    auto sale = json::parse<Sale>(
            QJsonDocument::fromJson(q.value(first + 4).toString().toUtf8()).object());
    if (!sale) {
        return fail(sale.error());
    }
    return HeldTicket{QUuid::fromString(q.value(first).toString()), q.value(first + 1).toString(),
                      *sale, QUuid::fromString(q.value(first + 2).toString()),
                      sql::timestamp(q.value(first + 3))};
}

Result<HeldTicket> holdTicket(CallContext &c, const HeldTicket &request)
{
    if (request.sale.status != SaleStatus::Held) {
        return fail(ErrorCode::Validation, Tr::tr("sale.status: must be held"));
    }
    if (auto ok = belongsHere(c, request.sale.storeId, request.sale.registerId); !ok) {
        return fail(ok.error());
    }
    HeldTicket held = request;
    held.heldBy = c.callerId();
    held.heldAt = c.now;
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    // Holding the same ticket twice (a retry) keeps the first.
    auto q = exec(*conn,
                  QStringLiteral("INSERT INTO held_tickets (id, store_id, register_id, label, "
                                 "held_by, held_at, body) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
                  {sql::id(held.id), sql::id(held.sale.storeId), sql::id(held.sale.registerId),
                   held.label, sql::id(held.heldBy), sql::timestampText(held.heldAt),
                   QString::fromUtf8(
                           QJsonDocument(json::write(held.sale)).toJson(QJsonDocument::Compact))});
    return q ? Result<HeldTicket>(held) : fail(q.error());
}

Result<Page<HeldTicket>> heldTickets(CallContext &c, const ListQuery &query)
{
    auto p = paging(query);
    auto conn = c.db.connection();
    if (!p || !conn) {
        return fail(!p ? p.error() : conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT id, label, held_by, held_at, body FROM held_tickets WHERE store_id = ? "
                    "ORDER BY held_at, id LIMIT ? OFFSET ?"),
            {sql::id(c.server.storeId), p->limit + 1, p->offset});
    if (!q) {
        return fail(q.error());
    }
    QList<HeldTicket> rows;
    while (q->next()) {
        auto t = ticketFrom(*q, 0);
        if (!t) {
            return fail(t.error());
        }
        rows << *t;
    }
    return pageOf(rows, *p);
}

Result<QJsonValue> recallTicket(CallContext &c, const QJsonObject &)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    // Deleting and reading in one statement: of two tills recalling at once, one gets it.
    auto q = exec(*conn,
                  QStringLiteral("DELETE FROM held_tickets WHERE id = ? AND store_id = ? "
                                 "RETURNING id, label, held_by, held_at, body"),
                  {c.pathParams.value(QStringLiteral("id")).toString(), sql::id(c.server.storeId)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("this ticket was already recalled, or never held"));
    }
    auto ticket = ticketFrom(*q, 0);
    q->finish(); // SQLite keeps the statement's transaction open until it is stepped out
    return transform(ticket, [](const HeldTicket &t) { return QJsonValue(json::write(t)); });
}

Result<Empty> voidTicket(CallContext &c, const VoidRequest &request)
{
    if (auto ok = belongsHere(c, c.server.storeId, request.registerId); !ok) {
        return fail(ok.error());
    }
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto stored = tx->exec(QStringLiteral("SELECT COUNT(*) FROM sales WHERE id = ?"),
                           {sql::id(request.id)});
    if (!stored || !stored->next()) {
        return fail(stored ? Error{ErrorCode::Internal, QStringLiteral("count")} : stored.error());
    }
    if (stored->value(0).toLongLong() > 0) {
        return fail(ErrorCode::Conflict,
                    Tr::tr("this ticket is already a completed sale: void the sale instead"));
    }
    stored->finish();
    if (auto ok = appendAudit(*tx, c,
                              {QStringLiteral("ticket.voided"), request.reason,
                               json::write(request), request.registerId});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return Empty{};
}

} // namespace

Status voidCompletedSale(CallContext &c, const Sale &sale, const VoidRequest &request)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto voided = tx->exec(
            QStringLiteral(
                    "UPDATE sales SET status = 'voided' WHERE id = ? AND status = 'completed'"),
            {sql::id(sale.id)});
    if (!voided) {
        return fail(voided.error());
    }
    if (voided->numRowsAffected() != 1) {
        return fail(ErrorCode::Conflict, Tr::tr("this sale is already voided"));
    }
    // Stock comes back as it left, with ids derived from the lines: a void sent twice moves once.
    for (const SaleLine &l : sale.lines) {
        const StockMovement m{derivedRecordId(l.id, u"void"),
                              sale.storeId,
                              l.productId,
                              sale.kind == SaleKind::Sale ? MovementKind::Return
                                                          : MovementKind::Sale,
                              MovementReason::Correction,
                              l.quantity,
                              sale.id,
                              c.callerId(),
                              sale.businessDate,
                              c.now};
        if (auto ok = recordMovement(*tx, m); !ok) {
            return fail(ok.error());
        }
    }
    if (auto ok = outbox::enqueue(*tx, "sale", sale.id, c.now); !ok) {
        return ok;
    }
    if (auto ok = appendAudit(*tx, c,
                              {QStringLiteral("sale.voided"), request.reason,
                               QJsonObject{{QStringLiteral("receipt"), sale.receiptNumber},
                                           {QStringLiteral("total"), sale.total.minor()}},
                               sale.registerId});
        !ok) {
        return fail(ok.error());
    }
    return tx->commit();
}

void registerTicketHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("hold_ticket"), typed<HeldTicket, HeldTicket>(holdTicket));
    dispatcher.add(QStringLiteral("get_held_tickets"),
                   typed<ListQuery, Page<HeldTicket>>(heldTickets));
    dispatcher.add(QStringLiteral("recall_ticket"), recallTicket);
    dispatcher.add(QStringLiteral("void_ticket"), typed<VoidRequest, Empty>(voidTicket));
}

} // namespace pos
