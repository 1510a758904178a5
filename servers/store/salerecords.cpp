// SPDX-License-Identifier: GPL-3.0-or-later
#include "salerecords.h"

#include "stockledger.h"

#include "core/base/recordid.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sale)
};

} // namespace

QString contentHash(const Sale &sale)
{
    Sale canonical = sale;
    canonical.receiptNumber.clear(); // given by the store, not part of what the till sent
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(json::write(canonical))
                                                                .toJson(QJsonDocument::Compact),
                                                        QCryptographicHash::Sha256)
                                       .toHex());
}

Status insertSale(const Transaction &tx, const Sale &sale, const QString &hash,
                  const QList<Money> &shares)
{
    auto q = tx.queue(
            QStringLiteral(
                    "INSERT INTO sales (id, store_id, register_id, session_id, cashier_id, "
                    "customer_id, "
                    "sales_rep_id, original_sale_id, receipt_number, kind, status, business_date, "
                    "created_at, language, ticket_discount, subtotal, tax_total, total, "
                    "change_given, "
                    "content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)"),
            {sql::id(sale.id),
             sql::id(sale.storeId),
             sql::id(sale.registerId),
             sql::id(sale.sessionId),
             sql::id(sale.cashierId),
             sql::idOrNull(sale.customerId),
             sql::idOrNull(sale.salesRepId),
             sql::idOrNull(sale.originalSaleId),
             sale.receiptNumber,
             json::enumName(sale.kind, kSaleKindNames),
             json::enumName(sale.status, kSaleStatusNames),
             sale.businessDate.toString(Qt::ISODate),
             sale.createdAt.toString(Qt::ISODateWithMs),
             sale.language,
             sale.ticketDiscount.minor(),
             sale.subtotal.minor(),
             sale.taxTotal.minor(),
             sale.total.minor(),
             sale.change.minor(),
             hash});
    if (!q) {
        return fail(q.error());
    }
    // Lines and payments go in one statement each.
    QVariantList lineValues;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleLine &l = sale.lines[i];
        lineValues << sql::id(l.id) << sql::id(sale.id) << qint64(i + 1) << sql::id(l.productId)
                   << l.description << l.quantity.milli() << l.unitPrice.minor()
                   << l.discount.minor() << l.total.minor() << l.priceOverridden
                   << sql::idOrNull(l.originalLineId) << shares.value(i).minor();
    }
    auto lines = tx.queue(QStringLiteral(
                                  "INSERT INTO sale_lines (id, sale_id, line_no, product_id, "
                                  "description, quantity, unit_price, discount, total, "
                                  "price_overridden, original_line_id, ticket_share) VALUES %1")
                                  .arg(sql::rows(sale.lines.size(), 12)),
                          lineValues);
    if (!lines) {
        return fail(lines.error());
    }
    QVariantList payValues;
    for (const Payment &p : sale.payments) {
        payValues << sql::id(p.id) << sql::id(sale.id) << sql::id(p.tenderId) << p.amount.minor()
                  << p.reference;
    }
    if (!sale.payments.isEmpty()) {
        auto pays = tx.queue(QStringLiteral("INSERT INTO sale_payments (id, sale_id, tender_id, "
                                            "amount, reference) VALUES %1")
                                     .arg(sql::rows(sale.payments.size(), 5)),
                             payValues);
        if (!pays) {
            return fail(pays.error());
        }
    }
    return {};
}

Status moveStock(const Transaction &tx, const Sale &sale)
{
    QList<StockMovement> moves;
    for (const SaleLine &l : sale.lines) {
        // The movement's id derives from the line's, so a replayed sale moves stock once.
        moves << StockMovement{derivedRecordId(l.id, u"stock"),
                               sale.storeId,
                               l.productId,
                               sale.kind == SaleKind::Return ? MovementKind::Return
                                                             : MovementKind::Sale,
                               MovementReason::None,
                               Quantity::fromMilli(-l.quantity.milli()),
                               sale.id,
                               sale.cashierId,
                               sale.businessDate,
                               sale.createdAt};
    }
    return recordMovements(tx, moves);
}

Result<Sale> readSale(Database &db, const QUuid &id)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT store_id, register_id, session_id, cashier_id, customer_id, "
                    "sales_rep_id, "
                    "original_sale_id, receipt_number, kind, status, business_date, created_at, "
                    "language, ticket_discount, subtotal, tax_total, total, change_given FROM "
                    "sales "
                    "WHERE id = ?"),
            {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such sale"));
    }
    const auto uuid = [&](int i) {
        return QUuid::fromString(q->value(i).toString());
    };
    const auto money = [&](int i) {
        return Money::fromMinor(q->value(i).toLongLong());
    };
    Sale s{id,
           uuid(0),
           uuid(1),
           uuid(2),
           uuid(3),
           uuid(4),
           uuid(5),
           uuid(6),
           q->value(7).toString(),
           q->value(8).toString() == QLatin1String("return") ? SaleKind::Return : SaleKind::Sale,
           SaleStatus::Completed,
           QDate::fromString(q->value(10).toString().left(10), Qt::ISODate),
           sql::timestamp(q->value(11)),
           q->value(12).toString(),
           {},
           {},
           money(13),
           money(14),
           money(15),
           money(16),
           money(17)};
    s.status = json::enumFromName(q->value(9).toString(), kSaleStatusNames, s.status);
    q->finish();
    auto lines = exec(
            *conn,
            QStringLiteral(
                    "SELECT id, product_id, description, quantity, unit_price, discount, total, "
                    "price_overridden, original_line_id FROM sale_lines WHERE sale_id = ? ORDER BY "
                    "line_no"),
            {sql::id(id)});
    if (!lines) {
        return fail(lines.error());
    }
    while (lines->next()) {
        s.lines.append(
                SaleLine{QUuid::fromString(lines->value(0).toString()),
                         QUuid::fromString(lines->value(1).toString()), lines->value(2).toString(),
                         Quantity::fromMilli(lines->value(3).toLongLong()),
                         Money::fromMinor(lines->value(4).toLongLong()),
                         Money::fromMinor(lines->value(5).toLongLong()),
                         Money::fromMinor(lines->value(6).toLongLong()), lines->value(7).toBool(),
                         QUuid::fromString(lines->value(8).toString())});
    }
    lines->finish();
    auto pays = exec(
            *conn,
            QStringLiteral(
                    "SELECT id, tender_id, amount, reference FROM sale_payments WHERE sale_id = ? "
                    "ORDER BY id"),
            {sql::id(id)});
    if (!pays) {
        return fail(pays.error());
    }
    while (pays->next()) {
        s.payments.append(Payment{QUuid::fromString(pays->value(0).toString()),
                                  QUuid::fromString(pays->value(1).toString()),
                                  Money::fromMinor(pays->value(2).toLongLong()),
                                  pays->value(3).toString()});
    }
    return s;
}

} // namespace pos
