// SPDX-License-Identifier: GPL-3.0-or-later
#include "barcode.h"

#include <QCoreApplication>

#include <algorithm>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Barcode)
};

bool allDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

bool isGtin(const QString &code)
{
    const qsizetype n = code.size();
    return allDigits(code) && (n == 8 || n == 12 || n == 13);
}

int checkDigitFor(const QString &digits)
{
    // GS1: from the rightmost data digit leftwards, weights 3, 1, 3, 1...
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        sum += digits[i].digitValue() * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

bool hasValidCheckDigit(const QString &digits)
{
    if (!isGtin(digits)) {
        return false;
    }
    return checkDigitFor(digits.chopped(1)) == digits.back().digitValue();
}

QString normaliseBarcode(const QString &code)
{
    const QString trimmed = code.trimmed();
    return trimmed.size() == 12 && allDigits(trimmed) ? QLatin1Char('0') + trimmed : trimmed;
}

Result<ScannedCode> readBarcode(const QString &code, const QList<BarcodeRule> &rules)
{
    const QString c = normaliseBarcode(code);
    if (c.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("the code is empty"));
    }
    if (!isGtin(c)) {
        return ScannedCode{c, false, {}, Quantity::units(1)};
    }
    if (!hasValidCheckDigit(c)) {
        return fail(ErrorCode::Validation,
                    Tr::tr("%1 is not a valid barcode: wrong check digit").arg(code));
    }
    for (const BarcodeRule &rule : rules) {
        if (c.size() != 13 || !c.startsWith(rule.prefix)) {
            continue;
        }
        const QString item = c.mid(rule.itemStart, rule.itemLength);
        const qint64 value = c.mid(rule.valueStart, rule.valueLength).toLongLong();
        ScannedCode scanned{item, true, {}, Quantity::units(1)};
        if (rule.value == EmbeddedValue::Price) {
            scanned.price = Money::fromMinor(value);
        } else {
            scanned.quantity = Quantity::fromMilli(value); // grams are thousandths of a kilo
            if (value == 0) {
                return fail(ErrorCode::Validation, Tr::tr("the label weighs nothing"));
            }
        }
        return scanned;
    }
    return ScannedCode{c, false, {}, Quantity::units(1)};
}

} // namespace pos
