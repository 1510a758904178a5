// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/money.h"

#include <QList>

namespace pos {

// The notes and coins of a currency (ISO 4217), largest first: the close count's grid and
// the tender screen's quick-cash buttons. Unknown currencies get a decimal series.
QList<Money> denominationsOf(const QString &currency);

// The quick-cash amounts for what is due: the exact amount, then the next few amounts a
// customer hands over (rounded up to each note worth at least a tenth of it).
QList<Money> quickCash(Money due, const QString &currency, qsizetype count = 4);

} // namespace pos
