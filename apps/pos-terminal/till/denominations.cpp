// SPDX-License-Identifier: GPL-3.0-or-later
#include "denominations.h"

#include <algorithm>

namespace pos {

namespace {

QList<Money> inCents(std::initializer_list<qint64> cents)
{
    QList<Money> out;
    for (qint64 c : cents) {
        out << Money::fromMinor(c);
    }
    return out;
}

} // namespace

QList<Money> denominationsOf(const QString &currency)
{
    if (currency == QLatin1String("MXN")) {
        return inCents({100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50});
    }
    if (currency == QLatin1String("USD")) {
        return inCents({10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1});
    }
    if (currency == QLatin1String("EUR")) {
        return inCents({50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1});
    }
    return inCents({10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1});
}

QList<Money> quickCash(Money due, const QString &currency, qsizetype count)
{
    QList<Money> out{due};
    if (due.minor() <= 0) {
        return out;
    }
    // Rounded up to each note or coin worth at least a tenth of what is due, smallest first:
    // 151.50 -> 160, 200, 500 (a customer hands over notes, not a pile of coins).
    QList<qint64> candidates;
    for (const Money &note : denominationsOf(currency)) {
        if (note.minor() * 10 < due.minor()) {
            continue;
        }
        const qint64 up = (due.minor() + note.minor() - 1) / note.minor() * note.minor();
        if (up > due.minor() && !candidates.contains(up)) {
            candidates << up;
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (qint64 c : candidates) {
        if (out.size() >= count) {
            break;
        }
        out << Money::fromMinor(c);
    }
    return out;
}

} // namespace pos
