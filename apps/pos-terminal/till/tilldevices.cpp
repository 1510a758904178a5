// SPDX-License-Identifier: GPL-3.0-or-later
#include "tilldevices.h"

#include "apps/widgets/receiptpainter.h"
#include "core/devices/escpos.h"

#include <QDir>
#include <QPrinter>
#include <QPrinterInfo>

namespace pos {

TillDevices::TillDevices(const TerminalConfig &config, QObject *parent)
    : QObject(parent)
    , m_printerSettings(config.printer)
    , m_drawerSettings(config.drawer)
{}

TillDevices::~TillDevices() = default;

Status TillDevices::attach(std::unique_ptr<DeviceQueue> &queue, const QString &address)
{
    auto transport = makeTransport(address);
    if (!transport) {
        return fail(transport.error());
    }
    queue = std::make_unique<DeviceQueue>(std::move(*transport));
    connect(queue.get(), &DeviceQueue::changed, this, &TillDevices::stateChanged);
    return {};
}

Status TillDevices::setUp()
{
    if (m_printerSettings.kind == PrinterKind::EscPos) {
        if (auto ok = attach(m_printer, m_printerSettings.address); !ok) {
            return ok;
        }
    }
    if (m_drawerSettings.kind == DrawerKind::Serial) {
        return attach(m_drawer, m_drawerSettings.address);
    }
    return {};
}

void TillDevices::printReceipt(const ReceiptLayout &layout, const QString &receiptNumber)
{
    m_last = layout;
    m_lastNumber = receiptNumber;
    keepPdfCopy(layout, receiptNumber);
    switch (m_printerSettings.kind) {
    case PrinterKind::EscPos:
        if (m_printer) {
            m_printer->submit(DeviceJob{renderEscPos(layout, m_printerSettings.width),
                                        PaperCheck::Ask, Retention::UntilDone});
        }
        break;
    case PrinterKind::System:
        printWithFonts(layout, receiptNumber);
        break;
    case PrinterKind::Pdf:
    case PrinterKind::None:
        break;
    }
}

void TillDevices::reprintLast()
{
    if (!m_last.isEmpty()) {
        printReceipt(m_last, m_lastNumber);
    }
}

void TillDevices::openDrawer()
{
    const DeviceJob kick{drawerKick(), PaperCheck::Skip, Retention::TryOnce};
    if (m_drawerSettings.kind == DrawerKind::Printer && m_printer) {
        m_printer->submit(kick);
    } else if (m_drawerSettings.kind == DrawerKind::Serial && m_drawer) {
        m_drawer->submit(kick);
    }
}

void TillDevices::retryNow()
{
    if (m_printer) {
        m_printer->retry();
    }
}

qsizetype TillDevices::receiptsWaiting() const
{
    return m_printer ? m_printer->pending() : 0;
}

QString TillDevices::warning() const
{
    QStringList problems;
    if (m_printer && m_printer->pending() > 0 && !m_printer->lastError().isEmpty()) {
        problems << tr("%1 — %n receipt(s) waiting to print", nullptr,
                       static_cast<int>(m_printer->pending()))
                            .arg(m_printer->lastError());
    }
    if (!m_systemError.isEmpty()) {
        problems << m_systemError;
    }
    if (m_drawer && !m_drawer->lastError().isEmpty()) {
        problems << tr("Cash drawer: %1").arg(m_drawer->lastError());
    }
    return problems.join(QStringLiteral(" · "));
}

void TillDevices::printWithFonts(const ReceiptLayout &layout, const QString &receiptNumber)
{
    QPrinter printer(QPrinter::HighResolution);
    if (!m_printerSettings.systemPrinter.isEmpty()) {
        printer.setPrinterName(m_printerSettings.systemPrinter);
    }
    printer.setDocName(receiptNumber);
    const Status printed = pos::printReceipt(layout, printer, m_printerSettings.width);
    m_systemError = printed ? QString() : printed.error().message;
    emit stateChanged();
}

void TillDevices::keepPdfCopy(const ReceiptLayout &layout, const QString &receiptNumber)
{
    if (m_printerSettings.pdfFolder.isEmpty()) {
        return;
    }
    QDir().mkpath(m_printerSettings.pdfFolder);
    const QString path = QDir(m_printerSettings.pdfFolder)
                                 .filePath(receiptNumber + QStringLiteral(".pdf"));
    const Status saved = saveReceiptPdf(layout, path, m_printerSettings.width);
    m_systemError = saved ? QString() : saved.error().message;
}

} // namespace pos
