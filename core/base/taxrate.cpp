// SPDX-License-Identifier: GPL-3.0-or-later
#include "taxrate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pos {

namespace {
constexpr int kPercentDecimals = 5; // 1 percent = 100 000 units
constexpr qint64 kUnitsPerPercent = TaxRate::kPerOne / 100;
constexpr qint64 kMaxPercent = 1000;
} // namespace

Result<TaxRate> TaxRate::parsePercent(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,4})(?:\\.(\\d{1,5}))?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return fail(ErrorCode::Validation,
                    QCoreApplication::translate("pos::Tax",
                                                "tax rate must be a percentage like 16 or 9.975"));
    }
    const qint64 whole = match.captured(1).toLongLong();
    const qint64 frac
            = match.captured(2).leftJustified(kPercentDecimals, QLatin1Char('0')).toLongLong();
    if (whole > kMaxPercent || (whole == kMaxPercent && frac > 0)) {
        return fail(ErrorCode::Validation,
                    QCoreApplication::translate("pos::Tax", "tax rate above 1000 %"));
    }
    return TaxRate(whole * kUnitsPerPercent + frac);
}

QString TaxRate::toPercentString() const
{
    QString text = QString::number(m_units / kUnitsPerPercent);
    const qint64 frac = m_units % kUnitsPerPercent;
    if (frac != 0) {
        QString digits = QString::number(frac).rightJustified(kPercentDecimals, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0'))) {
            digits.chop(1);
        }
        text += QLatin1Char('.') + digits;
    }
    return text;
}

} // namespace pos
