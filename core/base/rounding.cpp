// SPDX-License-Identifier: GPL-3.0-or-later
#include "rounding.h"

#include <QCoreApplication>

#include <limits>

namespace pos {

namespace {

Wide absWide(Wide v)
{
    return v < 0 ? -v : v;
}

Wide gcdWide(Wide a, Wide b)
{
    a = absWide(a);
    b = absWide(b);
    while (b != 0) {
        const Wide t = a % b;
        a = b;
        b = t;
    }
    return a == 0 ? 1 : a;
}

std::unexpected<Error> overflow()
{
    return fail(ErrorCode::Overflow,
                QCoreApplication::translate("pos::Money", "amount out of range"));
}

Fraction reduced(Wide num, Wide den)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const Wide g = gcdWide(num, den);
    return Fraction{num / g, den / g};
}

} // namespace

Result<qint64> narrow(Wide value)
{
    if (value > std::numeric_limits<qint64>::max() || value < std::numeric_limits<qint64>::min()) {
        return overflow();
    }
    return static_cast<qint64>(value);
}

Result<qint64> divideRounded(Wide num, Wide den, Rounding mode)
{
    Q_ASSERT(den != 0);
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const bool negative = num < 0;
    const Wide n = absWide(num);
    Wide q = n / den;
    const Wide twiceRemainder = (n % den) * 2;
    if (twiceRemainder > den) {
        ++q;
    } else if (twiceRemainder == den) {
        if (mode == Rounding::HalfUp || (q % 2) != 0) {
            ++q;
        }
    }
    return narrow(negative ? -q : q);
}

Result<Fraction> Fraction::plus(const Fraction &other) const
{
    const Wide g = gcdWide(den, other.den);
    const Wide otherScale = den / g;
    const Wide thisScale = other.den / g;
    Wide a = 0;
    Wide b = 0;
    Wide sum = 0;
    Wide commonDen = 0;
    if (__builtin_mul_overflow(num, thisScale, &a)
        || __builtin_mul_overflow(other.num, otherScale, &b) || __builtin_add_overflow(a, b, &sum)
        || __builtin_mul_overflow(den, thisScale, &commonDen)) {
        return overflow();
    }
    return reduced(sum, commonDen);
}

Result<Fraction> Fraction::times(const Fraction &other) const
{
    Wide n = 0;
    Wide d = 0;
    if (__builtin_mul_overflow(num, other.num, &n) || __builtin_mul_overflow(den, other.den, &d)) {
        return overflow();
    }
    return reduced(n, d);
}

Result<qint64> Fraction::round(Rounding mode) const
{
    return divideRounded(num, den, mode);
}

} // namespace pos
