// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/tax.h"

#include <QList>

namespace pos {

// One line as priced: what the terminal and the server both feed to computeSaleTotals.
struct PricedLine
{
    Money unitPrice;
    Quantity quantity; // negative on returns
    Money discount;    // line discount, an amount >= 0
    QList<TaxRule> taxes;
};

struct SaleTotals
{
    QList<Money> lineTotals;   // unit price × quantity, rounded, less the line discount
    QList<Money> ticketShares; // each line's share of the ticket discount
    Money subtotal;            // sum of line totals less the ticket discount
    Money taxTotal;
    Money total; // what the customer pays
    TaxSummary taxes;
};

// The one computation of a ticket's money, shared by terminal and server so their totals
// are identical: price × quantity rounded half-up per line, the line discount taken off,
// the ticket discount split across lines by largest remainder, then taxes by the store's
// policy. A discount larger than what it discounts is refused.
Result<SaleTotals> computeSaleTotals(const QList<PricedLine> &lines, Money ticketDiscount,
                                     const TaxPolicy &policy, CustomerTaxStatus customer);

} // namespace pos
