// SPDX-License-Identifier: GPL-3.0-or-later
#include "money.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <numeric>

namespace pos {

namespace {

// Gives lupdate and QTranslator one context for this file's messages.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Money)
};

// Formats |value| / 10^decimals with the locale's grouping and decimal point.
QString formatFixed(qint64 value, int decimals, const QLocale &locale)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i) {
        scale *= 10;
    }
    // Work in unsigned to survive the most negative value.
    const quint64 magnitude = value < 0 ? 0 - static_cast<quint64>(value)
                                        : static_cast<quint64>(value);
    const quint64 whole = magnitude / static_cast<quint64>(scale);
    const quint64 frac = magnitude % static_cast<quint64>(scale);
    QString text = locale.toString(whole);
    if (decimals > 0) {
        text += locale.decimalPoint();
        text += QString::number(frac).rightJustified(decimals, QLatin1Char('0'));
    }
    if (value < 0) {
        text.prepend(locale.negativeSign());
    }
    return text;
}

// Parses a fixed-point decimal with up to maxDecimals digits after the locale's decimal
// point into an integer scaled by 10^maxDecimals. Grouping separators are ignored only
// in the integer part.
Result<qint64> parseFixed(QString text, int maxDecimals, const QLocale &locale)
{
    text = text.trimmed();
    bool negative = false;
    if (text.startsWith(locale.negativeSign()) || text.startsWith(QLatin1Char('-'))) {
        negative = true;
        text = text.mid(1).trimmed();
    }
    const QString point = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    const qsizetype dot = text.indexOf(point);
    QString whole = dot < 0 ? text : text.left(dot);
    const QString frac = dot < 0 ? QString() : text.mid(dot + point.size());
    if (!group.isEmpty()) {
        whole.remove(group);
    }
    if (whole.isEmpty() && frac.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("not a number"));
    }
    if (frac.size() > maxDecimals) {
        return fail(ErrorCode::Validation,
                    Tr::tr("too many decimals (at most %1)").arg(maxDecimals));
    }
    const auto allDigits = [](const QString &s) {
        return std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (!allDigits(whole) || !allDigits(frac) || (dot >= 0 && frac.isEmpty())) {
        return fail(ErrorCode::Validation, Tr::tr("not a number"));
    }
    Wide value = 0;
    const QString digits = whole + frac.leftJustified(maxDecimals, QLatin1Char('0'));
    for (QChar c : digits) {
        value = value * 10 + (c.unicode() - u'0');
        if (value > Wide(std::numeric_limits<qint64>::max())) {
            return fail(ErrorCode::Overflow, Tr::tr("amount out of range"));
        }
    }
    return static_cast<qint64>(negative ? -value : value);
}

Result<qint64> checkedAdd(qint64 a, qint64 b)
{
    qint64 out = 0;
    if (__builtin_add_overflow(a, b, &out)) {
        return fail(ErrorCode::Overflow, Tr::tr("amount out of range"));
    }
    return out;
}

Result<qint64> checkedSub(qint64 a, qint64 b)
{
    qint64 out = 0;
    if (__builtin_sub_overflow(a, b, &out)) {
        return fail(ErrorCode::Overflow, Tr::tr("amount out of range"));
    }
    return out;
}

// Strips the locale's currency symbol and common dollar/euro signs around an amount.
QString withoutSymbol(QString text, const QLocale &locale)
{
    const QString symbol = locale.currencySymbol(QLocale::CurrencySymbol);
    if (!symbol.isEmpty()) {
        text.remove(symbol);
    }
    text.remove(QLatin1Char('$'));
    text.remove(QChar(0x20AC)); // €
    text.remove(QChar(0x00A0)); // no-break space some locales put beside the symbol
    return text;
}

} // namespace

Result<Money> Money::plus(Money other) const
{
    return transform(checkedAdd(m_minor, other.m_minor), &Money::fromMinor);
}

Result<Money> Money::minus(Money other) const
{
    return transform(checkedSub(m_minor, other.m_minor), &Money::fromMinor);
}

Result<Money> Money::negated() const
{
    return transform(checkedSub(0, m_minor), &Money::fromMinor);
}

Result<Money> Money::times(Quantity quantity, Rounding mode) const
{
    const Wide product = Wide(m_minor) * Wide(quantity.milli());
    return transform(divideRounded(product, Quantity::kPerUnit, mode), &Money::fromMinor);
}

Result<Money> Money::sum(const QList<Money> &amounts)
{
    Wide total = 0;
    for (Money m : amounts) {
        total += m.minor();
    }
    return transform(narrow(total), &Money::fromMinor);
}

QString Money::format(const QLocale &locale, CurrencySymbol symbol) const
{
    QString number = formatFixed(m_minor, kDecimals, locale);
    if (symbol == CurrencySymbol::Hide) {
        return number;
    }
    // Place the symbol as the locale does, without ever going through a double.
    const QString sample = locale.toCurrencyString(1);
    const QString sym = locale.currencySymbol(QLocale::CurrencySymbol);
    const bool symbolFirst = sample.startsWith(sym);
    if (symbolFirst) {
        return m_minor < 0 ? locale.negativeSign() + sym + number.mid(locale.negativeSign().size())
                           : sym + number;
    }
    return number + QChar(0x00A0) + sym;
}

Result<Money> Money::parse(const QString &text, const QLocale &locale)
{
    return transform(parseFixed(withoutSymbol(text, locale), kDecimals, locale), &Money::fromMinor);
}

Result<Quantity> Quantity::plus(Quantity other) const
{
    return transform(checkedAdd(m_milli, other.m_milli), &Quantity::fromMilli);
}

Result<Quantity> Quantity::minus(Quantity other) const
{
    return transform(checkedSub(m_milli, other.m_milli), &Quantity::fromMilli);
}

QString Quantity::format(const QLocale &locale) const
{
    if (isWhole()) {
        return formatFixed(m_milli / kPerUnit, 0, locale);
    }
    return formatFixed(m_milli, kDecimals, locale);
}

Result<Quantity> Quantity::parse(const QString &text, const QLocale &locale)
{
    return transform(parseFixed(text, kDecimals, locale), &Quantity::fromMilli);
}

Result<QList<Money>> allocate(Money total, const QList<Money> &weights)
{
    Wide weightSum = 0;
    for (Money w : weights) {
        if (w.isNegative()) {
            return fail(ErrorCode::Validation, Tr::tr("cannot split across a negative amount"));
        }
        weightSum += w.minor();
    }
    if (weightSum <= 0) {
        return fail(ErrorCode::Validation, Tr::tr("cannot split across lines that sum to zero"));
    }
    const bool negative = total.isNegative();
    const Wide amount = negative ? -Wide(total.minor()) : Wide(total.minor());

    QList<Money> parts(weights.size());
    QList<Wide> remainders(weights.size());
    Wide given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const Wide exact = amount * weights[i].minor();
        const Wide share = exact / weightSum;
        remainders[i] = exact % weightSum;
        parts[i] = Money::fromMinor(static_cast<qint64>(share));
        given += share;
    }
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainders[a] > remainders[b]; });
    for (qsizetype k = 0; given < amount; ++k, ++given) {
        const qsizetype i = order[k];
        parts[i] = Money::fromMinor(parts[i].minor() + 1);
    }
    if (negative) {
        for (Money &p : parts) {
            p = Money::fromMinor(-p.minor());
        }
    }
    return parts;
}

} // namespace pos
