// SPDX-License-Identifier: GPL-3.0-or-later
#include "saletotals.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sale)
};

// Ticket discounts only spread over what was sold; returns and free lines take none.
Result<QList<Money>> shareTicketDiscount(const QList<Money> &lineTotals, Money discount)
{
    QList<Money> weights;
    Wide sold = 0;
    for (Money m : lineTotals) {
        weights << (m.isNegative() ? Money() : m);
        sold += weights.back().minor();
    }
    if (discount.isZero()) {
        return QList<Money>(lineTotals.size());
    }
    if (Wide(discount.minor()) > sold) {
        return fail(ErrorCode::Validation, Tr::tr("ticket_discount: is larger than the ticket"));
    }
    return allocate(discount, weights);
}

} // namespace

Result<SaleTotals> computeSaleTotals(const QList<PricedLine> &lines, Money ticketDiscount,
                                     const TaxPolicy &policy, CustomerTaxStatus customer)
{
    SaleTotals out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const PricedLine &l = lines[i];
        auto gross = l.unitPrice.times(l.quantity, Rounding::HalfUp);
        if (!gross) {
            return fail(gross.error().at(QStringLiteral("lines[%1]").arg(i)));
        }
        // The discount reduces what the line is worth, towards zero, never past it.
        const Money magnitude = gross->isNegative() ? Money::fromMinor(-gross->minor()) : *gross;
        if (l.discount > magnitude) {
            return fail(Error{ErrorCode::Validation, Tr::tr("is larger than the line")}.at(
                    QStringLiteral("lines[%1].discount").arg(i)));
        }
        out.lineTotals << Money::fromMinor(gross->isNegative()
                                                   ? gross->minor() + l.discount.minor()
                                                   : gross->minor() - l.discount.minor());
    }
    auto shares = shareTicketDiscount(out.lineTotals, ticketDiscount);
    if (!shares) {
        return fail(shares.error());
    }
    out.ticketShares = *shares;
    QList<TaxableLine> taxable;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        taxable.append(TaxableLine{Money::fromMinor(out.lineTotals[i].minor()
                                                    - out.ticketShares[i].minor()),
                                   lines[i].taxes});
    }
    auto taxes = computeTaxes(taxable, policy, customer);
    if (!taxes) {
        return fail(taxes.error());
    }
    out.taxes = *taxes;
    out.taxTotal = taxes->tax;
    out.total = taxes->gross;
    auto subtotal = Money::sum(out.lineTotals);
    if (!subtotal) {
        return fail(subtotal.error());
    }
    out.subtotal = Money::fromMinor(subtotal->minor() - ticketDiscount.minor());
    return out;
}

} // namespace pos
