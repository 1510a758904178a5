// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "rounding.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <compare>

namespace pos {

class Quantity;

// Whether a formatted amount carries the locale's currency symbol.
enum class CurrencySymbol { Show, Hide };

// An amount of money in minor units (cents). Never a float; arithmetic refuses overflow.
class Money
{
public:
    static constexpr int kDecimals = 2;
    static constexpr qint64 kMinorPerMajor = 100;

    constexpr Money() = default;
    static constexpr Money fromMinor(qint64 minor) { return Money(minor); }
    constexpr qint64 minor() const { return m_minor; }
    constexpr bool isZero() const { return m_minor == 0; }
    constexpr bool isNegative() const { return m_minor < 0; }

    [[nodiscard]] Result<Money> plus(Money other) const;
    [[nodiscard]] Result<Money> minus(Money other) const;
    [[nodiscard]] Result<Money> negated() const;
    // Unit price × quantity (thousandths), rounded once as asked.
    [[nodiscard]] Result<Money> times(Quantity quantity, Rounding mode) const;
    // Sum of many amounts, failing only if the total leaves the range.
    static Result<Money> sum(const QList<Money> &amounts);

    // "1,234.56" (en_US), "1.234,56" (es_ES): grouping and decimal point from the locale.
    QString format(const QLocale &locale, CurrencySymbol symbol = CurrencySymbol::Hide) const;
    // Accepts what format() writes, with or without symbol and grouping; at most two decimals.
    static Result<Money> parse(const QString &text, const QLocale &locale);

    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(qint64 minor)
        : m_minor(minor)
    {}
    qint64 m_minor = 0;
};

// A quantity in thousandths, so weighed goods (1.250 kg) are exact. Units sell as 1000.
class Quantity
{
public:
    static constexpr int kDecimals = 3;
    static constexpr qint64 kPerUnit = 1000;

    constexpr Quantity() = default;
    static constexpr Quantity fromMilli(qint64 milli) { return Quantity(milli); }
    static constexpr Quantity units(qint64 count) { return Quantity(count * kPerUnit); }
    constexpr qint64 milli() const { return m_milli; }
    constexpr bool isZero() const { return m_milli == 0; }
    constexpr bool isNegative() const { return m_milli < 0; }
    constexpr bool isWhole() const { return m_milli % kPerUnit == 0; }

    [[nodiscard]] Result<Quantity> plus(Quantity other) const;
    [[nodiscard]] Result<Quantity> minus(Quantity other) const;

    // Whole quantities without decimals ("2"), others with three ("1.250").
    QString format(const QLocale &locale) const;
    // At most three decimals; grouping accepted.
    static Result<Quantity> parse(const QString &text, const QLocale &locale);

    friend constexpr auto operator<=>(Quantity, Quantity) = default;

private:
    constexpr explicit Quantity(qint64 milli)
        : m_milli(milli)
    {}
    qint64 m_milli = 0;
};

// Splits total across parts in proportion to weights without losing or inventing a cent:
// each part gets its floor share, and the leftover cents go one each to the parts with the
// largest remainders (ties to the earlier part). Weights must be >= 0 with a positive sum.
Result<QList<Money>> allocate(Money total, const QList<Money> &weights);

} // namespace pos

Q_DECLARE_METATYPE(pos::Money)
Q_DECLARE_METATYPE(pos::Quantity)
