// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/terminalconfig.h"

#include "core/devices/devicequeue.h"
#include "core/devices/receipt.h"

#include <QObject>

#include <memory>

namespace pos {

// The till's printer and cash drawer as the screens see them: print this receipt, open the
// drawer, reprint the last one. A printer that fails keeps the receipt in its queue and
// says so through warning() until it prints.
class TillDevices : public QObject
{
    Q_OBJECT

public:
    explicit TillDevices(const TerminalConfig &config, QObject *parent = nullptr);
    ~TillDevices() override;

    // Checks the settings (device addresses); the till warns but keeps selling without them.
    Status setUp();

    void printReceipt(const ReceiptLayout &layout, const QString &receiptNumber);
    void reprintLast();
    void openDrawer();
    void retryNow();

    // Empty when all is well; otherwise what the cashier must know (out of paper, offline).
    QString warning() const;
    qsizetype receiptsWaiting() const;
    bool hasLastReceipt() const { return !m_last.isEmpty(); }

signals:
    void stateChanged();

private:
    Status attach(std::unique_ptr<DeviceQueue> &queue, const QString &address);
    void printWithFonts(const ReceiptLayout &layout, const QString &receiptNumber);
    void keepPdfCopy(const ReceiptLayout &layout, const QString &receiptNumber);

    PrinterSettings m_printerSettings;
    DrawerSettings m_drawerSettings;
    std::unique_ptr<DeviceQueue> m_printer;
    std::unique_ptr<DeviceQueue> m_drawer;
    ReceiptLayout m_last;
    QString m_lastNumber;
    QString m_systemError;
};

} // namespace pos
