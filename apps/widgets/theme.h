// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace pos {

// The one look of every application: Fusion, a high-contrast palette, a 16 px base font and
// a style sheet in which a button's "role" property gives it a meaning and its colour
// (pay, danger, warn, key, product, tab).
void applyTheme(QApplication &app);

} // namespace pos
