// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/sales.h"
#include "core/sales/saletotals.h"

#include <QJsonArray>

namespace pos {

struct CallContext;

// Prices the lines of a return. A line that names the sold line it gives back is refunded
// at what was actually paid for it (its line discount and share of the ticket discount
// taken off), pro rata, never beyond what is left to return; the last part takes the
// remaining cents so a line's refunds add up to what was paid. A line without one is a
// blind return at today's price and needs sales.refund.
Result<QList<PricedLine>> priceReturnLines(CallContext &c, const Sale &sale, QJsonArray &audits);

} // namespace pos
