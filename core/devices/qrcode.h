// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QList>
#include <QString>

namespace pos {

// A QR code as dark and light modules, for media that draw it themselves (PDF, a system
// printer); ESC/POS printers draw their own from the text.
struct QrMatrix
{
    int size = 0;        // modules per side
    QList<bool> modules; // row by row, true is dark
    bool dark(int x, int y) const { return modules.at(y * size + x); }
};

// Encodes text at error correction level M (15 % of the code may be damaged).
Result<QrMatrix> encodeQr(const QString &text);

} // namespace pos
