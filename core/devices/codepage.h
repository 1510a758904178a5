// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace pos {

// Text for a receipt printer in code page 858 (850 with the euro sign), which prints
// Spanish, Portuguese, French and German letters. ESC t 19 selects it on Epson-compatible
// printers. Characters it lacks lose their accent ("ł" -> "l") or become "?".
QByteArray toCodePage858(const QString &text);

} // namespace pos
