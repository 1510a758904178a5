// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "receipt.h"

#include <QByteArray>

namespace pos {

enum class PaperWidth { Mm58, Mm80 };

// Characters per line in the printer's standard font (12×24 dots): 32 on 58 mm, 48 on 80 mm.
int columnsFor(PaperWidth width);

// Epson-compatible ESC/POS: initialise, code page 858, the layout (double size for large
// text, bold), the receipt number as a QR code, feed and a partial cut.
QByteArray renderEscPos(const ReceiptLayout &layout, PaperWidth width);

// The drawer-kick pulse sent through the printer: ESC p, pin 2, 50 ms on, 500 ms off.
QByteArray drawerKick();

// DLE EOT 4: asks the printer for its paper-roll sensor; it answers one byte.
QByteArray paperStatusQuery();
// True when a paper-roll status byte reports the paper end (bits 5 and 6).
bool paperEnded(char status);

} // namespace pos
