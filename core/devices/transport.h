// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace pos {

enum class PaperCheck { Skip, Ask };

// Where a printer's or drawer's bytes go. send() blocks (a few seconds at most), so it runs
// on a device thread, never on the screen's.
class Transport
{
public:
    virtual ~Transport() = default;
    // Delivers the bytes. With PaperCheck::Ask a printer that can answer its status is asked
    // first, and a printer out of paper fails the send before anything is printed.
    virtual Status send(const QByteArray &bytes, PaperCheck check) = 0;
};

// Builds a transport from a setting: "tcp://host:9100" (a network printer's raw port),
// "file:///dev/usb/lp0" (a device file, or a plain file that collects the bytes) or
// "serial:///dev/ttyUSB0?baud=9600".
Result<std::unique_ptr<Transport>> makeTransport(const QString &address);

} // namespace pos
