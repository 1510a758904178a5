// SPDX-License-Identifier: GPL-3.0-or-later
// Sending and receiving transfers at a store. The sender's stock leaves when it sends; the
// transfer then travels to HQ in the outbox, HQ routes it to the receiving store through
// the pull, and the receiver's counts travel back the same way.
#include "stockledger.h"

#include "core/base/recordid.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/outbox.h"
#include "servers/common/transfers.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Transfers)
};

// Movement ids derive from the transfer and product, so a replayed send moves stock once.
StockMovement transferMovement(CallContext &c, const QUuid &transfer, const QUuid &product,
                               MovementKind kind, Quantity quantity)
{
    const QString tag = (kind == MovementKind::TransferOut ? QStringLiteral("out:")
                                                           : QStringLiteral("in:"))
                        + sql::id(product);
    return StockMovement{derivedRecordId(transfer, tag),
                         c.server.storeId,
                         product,
                         kind,
                         MovementReason::None,
                         quantity,
                         transfer,
                         c.callerId(),
                         c.now.toUTC().date(),
                         c.now};
}

Status checkNewTransfer(CallContext &c, const NewTransfer &t)
{
    if (t.toStoreId == c.server.storeId) {
        return fail(ErrorCode::Validation, Tr::tr("to_store_id: a store cannot send to itself"));
    }
    if (auto store = storeById(c.db, t.toStoreId); !store) {
        return fail(ErrorCode::Validation, Tr::tr("to_store_id: no such store"));
    }
    QSet<QUuid> seen;
    for (qsizetype i = 0; i < t.lines.size(); ++i) {
        const QUuid product = t.lines[i].productId;
        if (!productById(c.db, product) || seen.contains(product)) {
            return fail(Error{ErrorCode::Validation, seen.contains(product)
                                                             ? Tr::tr("product listed twice")
                                                             : Tr::tr("no such product")}
                                .at(QStringLiteral("lines[%1].product_id").arg(i)));
        }
        seen.insert(product);
    }
    return {};
}

Result<qint64> nextSequence(const Transaction &tx, const QUuid &store)
{
    auto q = tx.exec(QStringLiteral("SELECT COALESCE(MAX(sequence), 0) + 1 FROM transfers WHERE "
                                    "from_store_id = ?"),
                     {sql::id(store)});
    if (!q || !q->next()) {
        return q ? fail(ErrorCode::Internal, QStringLiteral("no sequence")) : fail(q.error());
    }
    return q->value(0).toLongLong();
}

Status writeTransfer(CallContext &c, const NewTransfer &t)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto sequence = nextSequence(*tx, c.server.storeId);
    if (!sequence) {
        return fail(sequence.error());
    }
    const QString now = sql::timestampText(c.now);
    auto q = tx->exec(QStringLiteral("INSERT INTO transfers (id, from_store_id, to_store_id, "
                                     "sequence, status, created_at, sent_at, note) VALUES (?, ?, "
                                     "?, ?, 'in_transit', ?, ?, ?)"),
                      {sql::id(t.id), sql::id(c.server.storeId), sql::id(t.toStoreId), *sequence,
                       now, now, t.note});
    if (!q) {
        return fail(q.error());
    }
    for (const TransferItem &line : t.lines) {
        auto l = tx->exec(QStringLiteral("INSERT INTO transfer_lines (transfer_id, product_id, "
                                         "sent) VALUES (?, ?, ?)"),
                          {sql::id(t.id), sql::id(line.productId), line.quantity.milli()});
        if (!l) {
            return fail(l.error());
        }
        const Quantity out = Quantity::fromMilli(-line.quantity.milli());
        if (auto ok = recordMovement(*tx, transferMovement(c, t.id, line.productId,
                                                           MovementKind::TransferOut, out));
            !ok) {
            return ok;
        }
    }
    if (auto ok = outbox::enqueue(*tx, "transfer", t.id, c.now); !ok) {
        return ok;
    }
    return tx->commit();
}

Result<Transfer> sendTransfer(CallContext &c, const NewTransfer &request)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    if (auto earlier = readTransfer(*conn, request.id); earlier) {
        return earlier; // sent already: the same answer again
    }
    if (auto ok = checkNewTransfer(c, request); !ok) {
        return fail(ok.error());
    }
    if (auto ok = writeTransfer(c, request); !ok) {
        return fail(ok.error());
    }
    return readTransfer(*conn, request.id);
}

Status checkReceipt(const Transfer &held, const TransferReceipt &receipt)
{
    for (qsizetype i = 0; i < receipt.lines.size(); ++i) {
        const ReceivedItem &r = receipt.lines[i];
        const auto line = std::find_if(held.lines.cbegin(), held.lines.cend(),
                                       [&r](const TransferLine &l) {
                                           return l.productId == r.productId;
                                       });
        if (line == held.lines.cend()) {
            return fail(Error{ErrorCode::Validation, Tr::tr("not in this transfer")}.at(
                    QStringLiteral("lines[%1].product_id").arg(i)));
        }
        if (r.received.milli() + r.damaged.milli() > line->sent.milli()) {
            return fail(Error{ErrorCode::Validation,
                              Tr::tr("received and damaged come to more than the %1 sent")
                                      .arg(line->sent.format(QLocale::c()))}
                                .at(QStringLiteral("lines[%1]").arg(i)));
        }
    }
    return {};
}

// Lines not named arrived not at all: missing.
Status writeReceipt(CallContext &c, const Transfer &held, const TransferReceipt &receipt)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    bool complete = true;
    for (const TransferLine &line : held.lines) {
        ReceivedItem got{line.productId, {}, {}};
        for (const ReceivedItem &r : receipt.lines) {
            got = r.productId == line.productId ? r : got;
        }
        complete = complete && got.received == line.sent;
        auto q = tx->exec(QStringLiteral("UPDATE transfer_lines SET received = ?, damaged = ? "
                                         "WHERE transfer_id = ? AND product_id = ?"),
                          {got.received.milli(), got.damaged.milli(), sql::id(held.id),
                           sql::id(line.productId)});
        if (!q) {
            return fail(q.error());
        }
        if (got.received.isZero()) {
            continue;
        }
        if (auto ok = recordMovement(*tx, transferMovement(c, held.id, line.productId,
                                                           MovementKind::TransferIn, got.received));
            !ok) {
            return ok;
        }
    }
    // Counts that differ keep the transfer open ('received') until HQ resolves it.
    auto q = tx->exec(QStringLiteral(
                              "UPDATE transfers SET status = ?, received_at = ? WHERE id = ?"),
                      {complete ? QStringLiteral("closed") : QStringLiteral("received"),
                       sql::timestampText(c.now), sql::id(held.id)});
    if (!q) {
        return fail(q.error());
    }
    if (auto ok = outbox::enqueue(*tx, "transfer", held.id, c.now); !ok) {
        return ok;
    }
    return tx->commit();
}

Result<Transfer> receiveTransfer(CallContext &c, const TransferReceipt &receipt)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto held = readTransfer(*conn, receipt.id);
    if (!held) {
        return fail(held.error());
    }
    if (held->toStoreId != c.server.storeId) {
        return fail(ErrorCode::NotFound, Tr::tr("no such transfer to this store"));
    }
    if (held->status != TransferStatus::InTransit) {
        return held; // received already: the same answer again
    }
    if (auto ok = checkReceipt(*held, receipt); !ok) {
        return fail(ok.error());
    }
    if (auto ok = writeReceipt(c, *held, receipt); !ok) {
        return fail(ok.error());
    }
    return readTransfer(*conn, receipt.id);
}

} // namespace

void registerTransferHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("send_transfer"), typed<NewTransfer, Transfer>(sendTransfer));
    dispatcher.add(QStringLiteral("receive_transfer"),
                   typed<TransferReceipt, Transfer>(receiveTransfer));
    registerTransferQueries(dispatcher);
}

} // namespace pos
