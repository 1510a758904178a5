// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QtGlobal>

namespace pos {

// How an exact amount becomes whole minor units. Both modes are symmetric around zero,
// so a return (negative line) always mirrors the sale it reverses to the cent.
enum class Rounding {
    HalfUp,   // 0.5 away from zero: commercial rounding, the default
    HalfEven, // 0.5 to the even neighbour: banker's rounding
};

// Exact integer arithmetic wide enough for amount × rate × rate products.
__extension__ typedef __int128 Wide; // NOLINT(modernize-use-using): needs __extension__

// An exact rational number num/den with den > 0. Used where a tax or a share must stay
// exact until the one moment it is rounded.
struct Fraction
{
    Wide num = 0;
    Wide den = 1;

    static Fraction of(qint64 value) { return Fraction{value, 1}; }
    // Sum and product, refusing overflow of the 128-bit representation.
    [[nodiscard]] Result<Fraction> plus(const Fraction &other) const;
    [[nodiscard]] Result<Fraction> times(const Fraction &other) const;
    // Rounds to a whole number that must fit in 64 bits.
    [[nodiscard]] Result<qint64> round(Rounding mode) const;
};

// Divides num by den (den != 0) rounding as asked; fails if the result leaves qint64.
Result<qint64> divideRounded(Wide num, Wide den, Rounding mode);
// Narrows a wide value, failing with ErrorCode::Overflow when it does not fit.
Result<qint64> narrow(Wide value);

} // namespace pos
