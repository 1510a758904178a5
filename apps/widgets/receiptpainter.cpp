// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiptpainter.h"

#include "core/devices/qrcode.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Devices)
};

constexpr double kMmPerInch = 25.4;

double printableMm(PaperWidth width)
{
    return width == PaperWidth::Mm58 ? 48.0 : 72.0;
}

// Draws (or, with no painter, only measures) the layout `widthPx` wide on a device of `dpi`;
// returns the height used.
class ReceiptDrawing
{
public:
    ReceiptDrawing(const ReceiptLayout &layout, double widthPx, double dpi, PaperWidth paper)
        : m_layout(layout)
        , m_width(widthPx)
        , m_dpi(dpi)
        , m_paper(paper)
    {}

    double draw(QPainter *painter, const QPaintDevice &device) const
    {
        double y = 0;
        for (const ReceiptBlock &block : m_layout) {
            y += drawBlock(painter, device, block, y);
        }
        return y;
    }

private:
    QFont fontFor(const ReceiptBlock &block) const
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        const double base = m_paper == PaperWidth::Mm58 ? 6.5 : 8.0;
        font.setPointSizeF(block.size == TextSize::Large ? base * 1.6 : base);
        font.setBold(block.weight == Weight::Bold);
        return font;
    }

    double drawBlock(QPainter *p, const QPaintDevice &device, const ReceiptBlock &block,
                     double y) const
    {
        const QFont font = fontFor(block);
        const QFontMetricsF metrics(font, &device);
        const double line = metrics.lineSpacing();
        if (p) {
            p->setFont(font);
        }
        switch (block.kind) {
        case BlockKind::Text: {
            const QRectF area(0, y, m_width, 1000 * line);
            const int flags = Qt::TextWordWrap
                              | (block.align == Align::Center ? Qt::AlignHCenter : Qt::AlignLeft);
            const QRectF used = metrics.boundingRect(area, flags, block.left);
            if (p) {
                p->drawText(area, flags, block.left);
            }
            return used.height();
        }
        case BlockKind::Pair:
            if (p) {
                p->drawText(QRectF(0, y, m_width, line), Qt::AlignLeft, block.left);
                p->drawText(QRectF(0, y, m_width, line), Qt::AlignRight, block.right);
            }
            return line;
        case BlockKind::Rule:
            if (p) {
                p->drawLine(QPointF(0, y + line / 2), QPointF(m_width, y + line / 2));
            }
            return line;
        case BlockKind::Code:
            return drawQr(p, block.left, y) + line / 2;
        case BlockKind::Feed:
            return line;
        }
        return 0;
    }

    double drawQr(QPainter *p, const QString &text, double y) const
    {
        auto qr = encodeQr(text);
        if (!qr) {
            return 0;
        }
        const double module = 0.5 * m_dpi / kMmPerInch; // half a millimetre per module
        const double side = module * (qr->size + 8);    // with the 4-module quiet zone
        if (p) {
            const double left = (m_width - side) / 2 + 4 * module;
            for (int row = 0; row < qr->size; ++row) {
                for (int col = 0; col < qr->size; ++col) {
                    if (qr->dark(col, row)) {
                        p->fillRect(QRectF(left + col * module, y + (row + 4) * module, module,
                                           module),
                                    Qt::black);
                    }
                }
            }
        }
        return side;
    }

    const ReceiptLayout &m_layout;
    double m_width;
    double m_dpi;
    PaperWidth m_paper;
};

} // namespace

QImage receiptImage(const ReceiptLayout &layout, PaperWidth width, int dotsPerInch)
{
    const double dotsPerMm = dotsPerInch / kMmPerInch;
    const int widthPx = qRound(printableMm(width) * dotsPerMm);
    const int margin = qRound(4 * dotsPerMm);
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(qRound(dotsPerMm * 1000));
    probe.setDotsPerMeterY(qRound(dotsPerMm * 1000));
    const ReceiptDrawing drawing(layout, widthPx, dotsPerInch, width);
    const int height = qCeil(drawing.draw(nullptr, probe));
    QImage image(widthPx + 2 * margin, height + 2 * margin, QImage::Format_RGB32);
    image.setDotsPerMeterX(probe.dotsPerMeterX());
    image.setDotsPerMeterY(probe.dotsPerMeterY());
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(margin, margin);
    drawing.draw(&painter, image);
    return image;
}

Status printReceipt(const ReceiptLayout &layout, QPrinter &printer, PaperWidth width)
{
    const double dpi = printer.resolution();
    const double widthPx = printableMm(width) * dpi / kMmPerInch;
    const ReceiptDrawing drawing(layout, widthPx, dpi, width);
    const double heightMm = drawing.draw(nullptr, printer) * kMmPerInch / dpi;
    printer.setPageSize(QPageSize(QSizeF(printableMm(width) + 8, heightMm + 8),
                                  QPageSize::Millimeter, QStringLiteral("Receipt")));
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&printer)) {
        return fail(ErrorCode::Unavailable,
                    Tr::tr("the printer %1 cannot print").arg(printer.printerName()));
    }
    drawing.draw(&painter, printer);
    painter.end();
    return {};
}

Status saveReceiptPdf(const ReceiptLayout &layout, const QString &path, PaperWidth width)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setCreator(QStringLiteral("POS"));
    return printReceipt(layout, printer, width);
}

} // namespace pos
