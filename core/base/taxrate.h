// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

#include <compare>

namespace pos {

// A tax rate kept exact as thousandths of a basis point, so 16 % is 1 600 000 and
// Quebec's 9.975 % is 997 500. Never a float, never rounded.
class TaxRate
{
public:
    static constexpr qint64 kPerBasisPoint = 1000;
    static constexpr qint64 kPerOne = 10000 * kPerBasisPoint; // 100 %

    constexpr TaxRate() = default;
    static constexpr TaxRate fromMilliBasisPoints(qint64 units) { return TaxRate(units); }
    static constexpr TaxRate fromBasisPoints(qint64 bp) { return TaxRate(bp * kPerBasisPoint); }
    constexpr qint64 milliBasisPoints() const { return m_units; }
    constexpr bool isZero() const { return m_units == 0; }

    // "16", "9.975", "8.875": percent with at most five decimals. Rejects negatives and
    // anything above 1000 %.
    static Result<TaxRate> parsePercent(const QString &text);
    // Shortest exact percent text: 1 600 000 -> "16", 997 500 -> "9.975".
    QString toPercentString() const;

    friend constexpr auto operator<=>(TaxRate, TaxRate) = default;

private:
    constexpr explicit TaxRate(qint64 units)
        : m_units(units)
    {}
    qint64 m_units = 0;
};

} // namespace pos
