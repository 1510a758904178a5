// SPDX-License-Identifier: GPL-3.0-or-later
#include "returns.h"

#include "servers/common/catalog/catalogservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sale)
};

Error at(qsizetype line, const char *field, const QString &message)
{
    return Error{ErrorCode::Validation, message}.at(
            QStringLiteral("lines[%1].%2").arg(line).arg(QLatin1String(field)));
}

// A sold line as a return sees it: what was paid for it and how much is already back.
struct SoldLine
{
    QUuid saleId;
    QUuid productId;
    Quantity quantity;
    Money unitPrice;
    Money paid; // line total less its share of the ticket discount
    Quantity returned;
};

Result<SoldLine> soldLine(Database &db, const QUuid &lineId)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT l.sale_id, l.product_id, l.quantity, l.unit_price, l.line_no, "
                    "s.ticket_discount FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE "
                    "l.id = ? AND s.kind = 'sale' AND s.status = 'completed'"),
            {sql::id(lineId)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such sold line"));
    }
    SoldLine sold{QUuid::fromString(q->value(0).toString()),
                  QUuid::fromString(q->value(1).toString()),
                  Quantity::fromMilli(q->value(2).toLongLong()),
                  Money::fromMinor(q->value(3).toLongLong()),
                  Money(),
                  Quantity()};
    const qint64 lineNo = q->value(4).toLongLong();
    const Money ticketDiscount = Money::fromMinor(q->value(5).toLongLong());
    q->finish();
    // The ticket discount's split is recomputed exactly as at the sale: same weights, same
    // largest-remainder rule, so the share is the one the customer got.
    auto totals = exec(*conn,
                       QStringLiteral(
                               "SELECT total FROM sale_lines WHERE sale_id = ? ORDER BY line_no"),
                       {sql::id(sold.saleId)});
    if (!totals) {
        return fail(totals.error());
    }
    QList<Money> lineTotals;
    while (totals->next()) {
        lineTotals << Money::fromMinor(totals->value(0).toLongLong());
    }
    totals->finish();
    const Money total = lineTotals.value(lineNo - 1);
    Money share;
    if (!ticketDiscount.isZero()) {
        auto shares = allocate(ticketDiscount, lineTotals);
        if (!shares) {
            return fail(shares.error());
        }
        share = shares->value(lineNo - 1);
    }
    sold.paid = Money::fromMinor(total.minor() - share.minor());
    auto back = exec(
            *conn,
            QStringLiteral(
                    "SELECT COALESCE(SUM(-l.quantity), 0) FROM sale_lines l JOIN sales s ON "
                    "s.id = l.sale_id WHERE l.original_line_id = ? AND s.status = 'completed'"),
            {sql::id(lineId)});
    if (!back || !back->next()) {
        return back ? fail(ErrorCode::Internal, QStringLiteral("no sum")) : fail(back.error());
    }
    sold.returned = Quantity::fromMilli(back->value(0).toLongLong());
    return sold;
}

// What giving back `quantity` more of a line refunds: the difference of the paid amount
// pro rata before and after, so rounding never leaves or invents a cent over all returns.
Result<Money> refundFor(const SoldLine &sold, Quantity quantity)
{
    const Wide paid = sold.paid.minor();
    auto after = divideRounded(paid * (sold.returned.milli() + quantity.milli()),
                               sold.quantity.milli(), Rounding::HalfUp);
    auto before = divideRounded(paid * sold.returned.milli(), sold.quantity.milli(),
                                Rounding::HalfUp);
    if (!after || !before) {
        return fail(!after ? after.error() : before.error());
    }
    return Money::fromMinor(*after - *before);
}

Result<PricedLine> priceAgainstReceipt(CallContext &c, const Sale &sale, qsizetype i)
{
    const SaleLine &line = sale.lines[i];
    auto sold = soldLine(c.db, line.originalLineId);
    if (!sold) {
        return fail(at(i, "original_line_id", sold.error().message));
    }
    if (sold->saleId != sale.originalSaleId || sold->productId != line.productId) {
        return fail(
                at(i, "original_line_id", Tr::tr("is not this product on the original receipt")));
    }
    const Quantity back = Quantity::fromMilli(-line.quantity.milli());
    const Quantity left = Quantity::fromMilli(sold->quantity.milli() - sold->returned.milli());
    if (back > left) {
        return fail(
                at(i, "quantity", Tr::tr("only %1 left to return").arg(left.format(QLocale::c()))));
    }
    if (line.unitPrice != sold->unitPrice) {
        return fail(at(i, "unit_price",
                       Tr::tr("must be the price sold at, %1")
                               .arg(sold->unitPrice.format(QLocale::c()))));
    }
    auto refund = refundFor(*sold, back);
    auto gross = line.unitPrice.times(back, Rounding::HalfUp);
    auto product = productById(c.db, line.productId);
    if (!refund || !gross || !product) {
        return fail(!refund ? refund.error() : !gross ? gross.error() : product.error());
    }
    auto rules = taxRulesOf(c.db, *product);
    if (!rules) {
        return fail(rules.error());
    }
    // What was taken off at the sale stays off: the difference is this line's discount.
    const Money discount = Money::fromMinor(std::max<qint64>(0, gross->minor() - refund->minor()));
    if (line.discount != discount) {
        return fail(at(i, "discount",
                       Tr::tr("must be %1: what was taken off at the sale")
                               .arg(discount.format(QLocale::c()))));
    }
    return PricedLine{line.unitPrice, line.quantity, discount, *rules};
}

Result<PricedLine> priceBlind(CallContext &c, const SaleLine &line, qsizetype i, QJsonArray &audits)
{
    if (auto ok = requirePermission(c, Permission::SalesRefund); !ok) {
        return fail(ok.error());
    }
    auto product = productById(c.db, line.productId);
    if (!product) {
        return fail(at(i, "product_id", Tr::tr("no such product")));
    }
    if (line.unitPrice != product->price || !line.discount.isZero()) {
        return fail(at(i, "unit_price",
                       Tr::tr("a return without a receipt is at today's price, %1")
                               .arg(product->price.format(QLocale::c()))));
    }
    auto rules = taxRulesOf(c.db, *product);
    if (!rules) {
        return fail(rules.error());
    }
    audits.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("sale.blind_return")},
                              {QStringLiteral("line"), json::write(line)}});
    return PricedLine{line.unitPrice, line.quantity, Money(), *rules};
}

} // namespace

Result<QList<PricedLine>> priceReturnLines(CallContext &c, const Sale &sale, QJsonArray &audits)
{
    QList<PricedLine> priced;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleLine &line = sale.lines[i];
        if (!line.quantity.isNegative()) {
            return fail(at(i, "quantity", Tr::tr("must be negative in a return")));
        }
        auto p = line.originalLineId.isNull() ? priceBlind(c, line, i, audits)
                                              : priceAgainstReceipt(c, sale, i);
        if (!p) {
            return fail(p.error());
        }
        priced << *p;
    }
    return priced;
}

} // namespace pos
