// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"
#include "core/devices/escpos.h"

#include <QJsonObject>
#include <QUrl>
#include <QUuid>

namespace pos {

enum class PrinterKind { None, EscPos, System, Pdf };
enum class DrawerKind { None, Printer, Serial };

struct PrinterSettings
{
    PrinterKind kind = PrinterKind::None;
    QString address;       // EscPos: tcp://host:9100, file:///dev/usb/lp0, serial:///dev/ttyS0
    QString systemPrinter; // System: the printer's name (empty: the default one)
    PaperWidth width = PaperWidth::Mm80;
    QString pdfFolder; // when set, a PDF copy of every receipt is kept here
};

struct DrawerSettings
{
    DrawerKind kind = DrawerKind::None;
    QString address; // Serial: serial:///dev/ttyUSB0?baud=9600
};

// One till's configuration: a JSON file per deployment (see resources/config/), with
// --server and --in-process on the command line winning. Secrets never live here: the
// terminal's credential is in the OS keychain.
struct TerminalConfig
{
    QUrl apiUrl{QStringLiteral("http://127.0.0.1:3002")};
    QString inProcessDatabase; // set: run the store service in this process on this database
    QUuid storeId;             // in-process mode: this store's id
    QString storeCode;         // in-process mode: "ST01"
    qint64 registerNumber = 1;
    QString terminalName;
    QString language = QStringLiteral("en");
    PrinterSettings printer;
    DrawerSettings drawer;
};

Result<TerminalConfig> parseTerminalConfig(const QJsonObject &json);
Result<TerminalConfig> loadTerminalConfig(const QString &path);

} // namespace pos
