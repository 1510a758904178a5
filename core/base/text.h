// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace pos {

// Lower case without accents ("Café Molido" -> "cafe molido"), for searches that ignore
// both on every database engine.
QString foldForSearch(const QString &text);

} // namespace pos
