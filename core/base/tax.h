// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "money.h"
#include "taxrate.h"

#include <QList>
#include <QString>

namespace pos {

// Standard taxes charge their rate. Zero-rated goods are taxable at 0 % and appear in that
// tax's base on returns; exempt goods are outside the tax and appear only as untaxed sales.
enum class TaxKind { Standard, ZeroRated, Exempt };

// Whether a tax applies to the net price (the usual case) or to the net price plus the
// non-compound taxes before it (tax on tax, as Quebec's QST was before 2013).
enum class Compounding { Simple, Compound };

// One tax as the engine sees it: the catalog's Tax model reduced to what computes.
struct TaxRule
{
    QString code; // "IVA16", "GST", "QST"
    QString name; // printed on the receipt
    TaxRate rate;
    TaxKind kind = TaxKind::Standard;
    Compounding compounding = Compounding::Simple;
    bool operator==(const TaxRule &) const = default;
};

enum class PriceMode { TaxExclusive, TaxInclusive };
enum class RoundingScope { PerLine, PerDocument };
enum class CustomerTaxStatus { Taxable, Exempt };

struct TaxPolicy
{
    PriceMode mode = PriceMode::TaxExclusive;
    RoundingScope scope = RoundingScope::PerLine;
    Rounding rounding = Rounding::HalfUp;
};

// A line as taxed: its amount after line and ticket discounts, in the policy's price mode
// (gross when prices include tax); negative for returns.
struct TaxableLine
{
    Money amount;
    QList<TaxRule> taxes;
};

struct LineTaxes
{
    Money net;
    Money tax;
    Money gross;
    QList<Money> perRule; // parallel to TaxableLine::taxes, each rounded on its own
};

struct TaxTotal
{
    TaxRule rule;
    Money base; // sum of the nets of the lines carrying this tax
    Money tax;
};

// The taxes of a whole document. With RoundingScope::PerDocument the totals are rounded
// once per tax over the exact line amounts, so they may differ by a cent from the sum of
// the per-line figures, which stay for display.
struct TaxSummary
{
    QList<LineTaxes> lines;
    QList<TaxTotal> totals; // one per distinct rule, in order of first appearance
    Money untaxedBase;      // nets of lines with no applicable tax (exempt goods or customer)
    Money net;
    Money tax;
    Money gross;
};

// Computes every line's and the document's taxes. When the customer is exempt and prices
// include tax, the customer pays the net price: the included taxes are taken out.
Result<TaxSummary> computeTaxes(const QList<TaxableLine> &lines, const TaxPolicy &policy,
                                CustomerTaxStatus customer = CustomerTaxStatus::Taxable);

} // namespace pos
