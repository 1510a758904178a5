// SPDX-License-Identifier: GPL-3.0-or-later
#include "tax.h"

#include <algorithm>
#include <initializer_list>

namespace pos {

namespace {

struct ExactLine
{
    Fraction net;
    QList<Fraction> perRule; // exact tax per rule, zero for exempt rules
    bool taxed = false;      // at least one standard or zero-rated rule applied
};

Fraction rateOf(const TaxRule &rule)
{
    const qint64 units = rule.kind == TaxKind::Standard ? rule.rate.milliBasisPoints() : 0;
    return Fraction{units, TaxRate::kPerOne};
}

bool applies(const TaxRule &rule, CustomerTaxStatus customer)
{
    return customer == CustomerTaxStatus::Taxable && rule.kind != TaxKind::Exempt;
}

// Net as a fraction: the amount itself, or for inclusive prices the amount divided by the
// product of (1 + simple rates) and (1 + each compound rate).
Result<Fraction> exactNet(const TaxableLine &line, PriceMode mode)
{
    const Fraction amount = Fraction::of(line.amount.minor());
    if (mode == PriceMode::TaxExclusive) {
        return amount;
    }
    Fraction simple{TaxRate::kPerOne, TaxRate::kPerOne};
    Fraction factor{1, 1};
    for (const TaxRule &rule : line.taxes) {
        if (rule.kind == TaxKind::Exempt) {
            continue;
        }
        if (rule.compounding == Compounding::Simple) {
            simple = *simple.plus(rateOf(rule)); // rates are small: cannot overflow
        } else {
            auto next = factor.times(*Fraction{1, 1}.plus(rateOf(rule)));
            if (!next) {
                return fail(next.error());
            }
            factor = *next;
        }
    }
    auto total = simple.times(factor);
    if (!total) {
        return fail(total.error());
    }
    return amount.times(Fraction{total->den, total->num});
}

Result<ExactLine> exactTaxes(const TaxableLine &line, const TaxPolicy &policy,
                             CustomerTaxStatus customer)
{
    auto net = exactNet(line, policy.mode);
    if (!net) {
        return fail(net.error());
    }
    ExactLine out{*net, QList<Fraction>(line.taxes.size()), false};
    // Simple taxes apply to the net; compound ones, in order, each to everything before it.
    Fraction running = *net;
    for (const Compounding pass : {Compounding::Simple, Compounding::Compound}) {
        const Fraction passBase = running;
        for (qsizetype i = 0; i < line.taxes.size(); ++i) {
            const TaxRule &rule = line.taxes[i];
            if (rule.compounding != pass || !applies(rule, customer)) {
                continue;
            }
            out.taxed = true;
            const Fraction &base = pass == Compounding::Simple ? passBase : running;
            auto tax = base.times(rateOf(rule));
            auto sum = tax ? running.plus(*tax) : tax;
            if (!sum) {
                return fail(sum.error());
            }
            out.perRule[i] = *tax;
            running = *sum;
        }
    }
    return out;
}

// Narrows several wide sums at once, failing on the first that leaves the money range.
Result<QList<Money>> toMoney(std::initializer_list<Wide> values)
{
    QList<Money> out;
    for (Wide v : values) {
        auto n = narrow(v);
        if (!n) {
            return fail(n.error());
        }
        out.append(Money::fromMinor(*n));
    }
    return out;
}

struct Accumulator
{
    TaxTotal total;
    Fraction exact{0, 1};
};

// Rounds one line and records its share of each tax's totals.
Result<LineTaxes> settleLine(const TaxableLine &line, const ExactLine &exact,
                             const TaxPolicy &policy, QList<Accumulator> &acc, Wide &untaxed)
{
    LineTaxes out;
    Wide lineTax = 0;
    for (const Fraction &f : exact.perRule) {
        auto rounded = f.round(policy.rounding);
        if (!rounded) {
            return fail(rounded.error());
        }
        out.perRule.append(Money::fromMinor(*rounded));
        lineTax += *rounded;
    }
    Wide net = line.amount.minor();
    Wide gross = net + lineTax;
    if (policy.mode == PriceMode::TaxInclusive) {
        gross = line.amount.minor();
        net = gross - lineTax;
        if (!exact.taxed) { // exempt customer: pays the price without its included taxes
            auto n = exact.net.round(policy.rounding);
            if (!n) {
                return fail(n.error());
            }
            net = gross = *n;
        }
    }
    auto amounts = toMoney({net, gross, lineTax});
    if (!amounts) {
        return fail(amounts.error());
    }
    out.net = (*amounts)[0];
    out.gross = (*amounts)[1];
    out.tax = (*amounts)[2];
    if (!exact.taxed) {
        untaxed += net;
    }
    for (qsizetype i = 0; i < line.taxes.size(); ++i) {
        const TaxRule &rule = line.taxes[i];
        if (!exact.taxed || rule.kind == TaxKind::Exempt) {
            continue;
        }
        auto it = std::find_if(acc.begin(), acc.end(),
                               [&](const Accumulator &a) { return a.total.rule == rule; });
        if (it == acc.end()) {
            acc.append(Accumulator{TaxTotal{rule, {}, {}}, {0, 1}});
            it = acc.end() - 1;
        }
        auto sums = toMoney({Wide(it->total.base.minor()) + out.net.minor(),
                             Wide(it->total.tax.minor()) + out.perRule[i].minor()});
        auto exactSum = it->exact.plus(exact.perRule[i]);
        if (!sums) {
            return fail(sums.error());
        }
        if (!exactSum) {
            return fail(exactSum.error());
        }
        it->total.base = (*sums)[0];
        it->total.tax = (*sums)[1];
        it->exact = *exactSum;
    }
    return out;
}

} // namespace

Result<TaxSummary> computeTaxes(const QList<TaxableLine> &lines, const TaxPolicy &policy,
                                CustomerTaxStatus customer)
{
    TaxSummary summary;
    QList<Accumulator> acc;
    Wide untaxed = 0;
    Wide lineNets = 0;
    Wide lineGrosses = 0;
    for (const TaxableLine &line : lines) {
        auto exact = exactTaxes(line, policy, customer);
        if (!exact) {
            return fail(exact.error());
        }
        auto settled = settleLine(line, *exact, policy, acc, untaxed);
        if (!settled) {
            return fail(settled.error());
        }
        lineNets += settled->net.minor();
        lineGrosses += settled->gross.minor();
        summary.lines.append(*settled);
    }
    Wide taxTotal = 0;
    for (Accumulator &a : acc) {
        if (policy.scope == RoundingScope::PerDocument) {
            auto rounded = a.exact.round(policy.rounding);
            if (!rounded) {
                return fail(rounded.error());
            }
            a.total.tax = Money::fromMinor(*rounded);
        }
        taxTotal += a.total.tax.minor();
        summary.totals.append(a.total);
    }
    // Exclusive prices: the nets are fixed and tax is added. Inclusive: the gross the
    // customer pays is fixed and the net is what remains after tax.
    const Wide net = policy.mode == PriceMode::TaxExclusive ? lineNets : lineGrosses - taxTotal;
    const Wide gross = policy.mode == PriceMode::TaxExclusive ? lineNets + taxTotal : lineGrosses;
    auto amounts = toMoney({net, gross, taxTotal, untaxed});
    if (!amounts) {
        return fail(amounts.error());
    }
    summary.net = (*amounts)[0];
    summary.gross = (*amounts)[1];
    summary.tax = (*amounts)[2];
    summary.untaxedBase = (*amounts)[3];
    return summary;
}

} // namespace pos
