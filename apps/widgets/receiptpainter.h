// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/devices/escpos.h"
#include "core/devices/receipt.h"

#include <QImage>

class QPrinter;

namespace pos {

// The receipt layout drawn with fonts instead of printer commands: on screen, to a system
// printer through QtPrintSupport, or to a PDF the width of the till's paper roll.
QImage receiptImage(const ReceiptLayout &layout, PaperWidth width, int dotsPerInch = 203);
Status printReceipt(const ReceiptLayout &layout, QPrinter &printer, PaperWidth width);
Status saveReceiptPdf(const ReceiptLayout &layout, const QString &path, PaperWidth width);

} // namespace pos
