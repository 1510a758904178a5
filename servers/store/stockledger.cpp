// SPDX-License-Identifier: GPL-3.0-or-later
#include "stockledger.h"

#include "servers/common/auditlog.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/outbox.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Stock)
};

Result<StockLevel> recordCommand(CallContext &c, const StockMovement &m)
{
    if (m.storeId != c.server.storeId) {
        return fail(ErrorCode::Validation, Tr::tr("store_id: is not this store"));
    }
    if (m.kind != MovementKind::Adjustment && m.kind != MovementKind::Count
        && m.kind != MovementKind::Receiving) {
        return fail(ErrorCode::Validation,
                    Tr::tr("kind: only adjustments, counts and receivings are entered here"));
    }
    if (m.kind == MovementKind::Adjustment
        && (m.reason == MovementReason::None || m.quantity.isZero())) {
        return fail(ErrorCode::Validation, Tr::tr("an adjustment needs a reason and a quantity"));
    }
    if (m.kind == MovementKind::Count && m.quantity.isNegative()) {
        return fail(ErrorCode::Validation, Tr::tr("quantity: a count cannot be negative"));
    }
    if (m.kind == MovementKind::Receiving && (m.quantity.isNegative() || m.quantity.isZero())) {
        return fail(ErrorCode::Validation,
                    Tr::tr("quantity: goods received must be more than zero"));
    }
    if (auto product = productById(c.db, m.productId); !product) {
        return fail(product.error().code == ErrorCode::NotFound
                            ? Error{ErrorCode::Validation, Tr::tr("product_id: no such product")}
                            : product.error());
    }
    StockMovement stored = m;
    stored.userId = c.callerId();
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = recordMovement(*tx, stored); !ok) {
        return fail(ok.error());
    }
    if (auto ok = outbox::enqueue(*tx, "movement", stored.id, c.now); !ok) {
        return fail(ok.error());
    }
    if (auto ok = appendAudit(*tx, c,
                              {QStringLiteral("stock.") + json::enumName(m.kind, kMovementKindNames),
                               json::enumName(m.reason, kMovementReasonNames),
                               json::write(stored),
                               {}});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return stockLevel(c.db, m.storeId, m.productId);
}

Result<QJsonValue> getStock(CallContext &c, const QJsonObject &)
{
    const QUuid product = QUuid::fromString(c.pathParams.value(QStringLiteral("id")).toString());
    if (auto p = productById(c.db, product); !p) {
        return fail(p.error());
    }
    return transform(stockLevel(c.db, c.server.storeId, product),
                     [](const StockLevel &l) { return QJsonValue(json::write(l)); });
}

} // namespace

Status recordMovement(const Transaction &tx, const StockMovement &m)
{
    return recordMovements(tx, {m});
}

Status recordMovements(const Transaction &tx, const QList<StockMovement> &movements)
{
    if (movements.isEmpty()) {
        return {};
    }
    QVariantList values;
    for (const StockMovement &m : movements) {
        values << sql::id(m.id) << sql::id(m.storeId) << sql::id(m.productId)
               << json::enumName(m.kind, kMovementKindNames)
               << json::enumName(m.reason, kMovementReasonNames) << m.quantity.milli()
               << sql::idOrNull(m.referenceId) << sql::idOrNull(m.userId)
               << m.businessDate.toString(Qt::ISODate)
               << m.occurredAt.toUTC().toString(Qt::ISODateWithMs);
    }
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto q = tx.queue(QStringLiteral("INSERT INTO stock_movements (id, store_id, product_id, kind, "
                                     "reason, quantity, reference_id, user_id, business_date, "
                                     "occurred_at) VALUES %1 ON CONFLICT (id) DO NOTHING")
                              .arg(row
                                   + (QStringLiteral(", ") + row).repeated(movements.size() - 1)),
                      values);
    return q ? Status() : fail(q.error());
}

Result<StockLevel> stockLevel(Database &db, const QUuid &storeId, const QUuid &productId)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    StockLevel level{productId, storeId, Quantity(), QDateTime()};
    auto count = exec(
            *conn,
            QStringLiteral(
                    "SELECT quantity, occurred_at FROM stock_movements WHERE store_id = ? AND "
                    "product_id = ? AND kind = 'count' ORDER BY occurred_at DESC, id DESC LIMIT 1"),
            {sql::id(storeId), sql::id(productId)});
    if (!count) {
        return fail(count.error());
    }
    QString since = QStringLiteral("1900-01-01T00:00:00.000Z"); // before any sale
    qint64 base = 0;
    if (count->next()) {
        base = count->value(0).toLongLong();
        level.lastCountAt = sql::timestamp(count->value(1));
        since = level.lastCountAt.toString(Qt::ISODateWithMs);
    }
    count->finish();
    auto deltas = exec(
            *conn,
            QStringLiteral(
                    "SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE store_id = ? "
                    "AND product_id = ? AND kind <> 'count' AND occurred_at > ?"),
            {sql::id(storeId), sql::id(productId), since});
    if (!deltas || !deltas->next()) {
        return deltas ? fail(ErrorCode::Internal, QStringLiteral("no sum")) : fail(deltas.error());
    }
    level.onHand = Quantity::fromMilli(base + deltas->value(0).toLongLong());
    return level;
}

void registerStockHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_stock"), getStock);
    dispatcher.add(QStringLiteral("record_stock_movement"),
                   typed<StockMovement, StockLevel>(recordCommand));
}

} // namespace pos
