// SPDX-License-Identifier: GPL-3.0-or-later
#include "escpos.h"

#include "codepage.h"

namespace pos {

namespace {

constexpr char ESC = 0x1B;
constexpr char GS = 0x1D;
constexpr char DLE = 0x10;
constexpr char EOT = 0x04;
constexpr char LF = 0x0A;

QByteArray command(std::initializer_list<int> bytes)
{
    QByteArray out;
    for (int b : bytes) {
        out.append(static_cast<char>(b));
    }
    return out;
}

QByteArray alignment(Align align)
{
    return command({ESC, 'a', align == Align::Center ? 1 : 0});
}

QByteArray style(const ReceiptBlock &block)
{
    return command({ESC, 'E', block.weight == Weight::Bold ? 1 : 0})
           + command({GS, '!', block.size == TextSize::Large ? 0x11 : 0x00});
}

// Label and amount on one line, the amount flush right; a label too long for the line
// takes a line of its own so the amount never wraps into it.
QByteArray pairLine(const QByteArray &label, const QByteArray &amount, int columns)
{
    const qsizetype gap = columns - label.size() - amount.size();
    if (gap >= 1) {
        return label + QByteArray(gap, ' ') + amount + LF;
    }
    return label.left(columns) + LF + QByteArray(qMax<qsizetype>(0, columns - amount.size()), ' ')
           + amount + LF;
}

// GS ( k: model 2, module 6 dots, error correction M, store the data, print it.
QByteArray qrCode(const QByteArray &data)
{
    const qsizetype stored = data.size() + 3;
    return command({GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00})
           + command({GS, '(', 'k', 3, 0, 0x31, 0x43, 6})
           + command({GS, '(', 'k', 3, 0, 0x31, 0x45, 0x31})
           + command({GS, '(', 'k', static_cast<int>(stored % 256), static_cast<int>(stored / 256),
                      0x31, 0x50, 0x30})
           + data + command({GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30}) + LF;
}

QByteArray renderBlock(const ReceiptBlock &block, int columns)
{
    const int width = block.size == TextSize::Large ? columns / 2 : columns;
    switch (block.kind) {
    case BlockKind::Text:
        return alignment(block.align) + style(block) + toCodePage858(block.left).left(width) + LF;
    case BlockKind::Pair:
        return alignment(Align::Left) + style(block)
               + pairLine(toCodePage858(block.left), toCodePage858(block.right), width);
    case BlockKind::Rule:
        return alignment(Align::Left) + style(block) + QByteArray(columns, '-') + LF;
    case BlockKind::Code:
        return alignment(Align::Center) + qrCode(block.left.toLatin1());
    case BlockKind::Feed:
        return command({ESC, 'd', 4});
    }
    return {};
}

} // namespace

int columnsFor(PaperWidth width)
{
    return width == PaperWidth::Mm58 ? 32 : 48;
}

QByteArray renderEscPos(const ReceiptLayout &layout, PaperWidth width)
{
    QByteArray out = command({ESC, '@'}) + command({ESC, 't', 19});
    for (const ReceiptBlock &block : layout) {
        out += renderBlock(block, columnsFor(width));
    }
    return out + command({GS, 'V', 66, 0});
}

QByteArray drawerKick()
{
    return command({ESC, 'p', 0, 25, 250});
}

QByteArray paperStatusQuery()
{
    return command({DLE, EOT, 4});
}

bool paperEnded(char status)
{
    return (static_cast<unsigned char>(status) & 0x60) == 0x60;
}

} // namespace pos
