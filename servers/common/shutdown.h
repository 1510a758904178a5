// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace pos {

// Turns SIGTERM and SIGINT into a clean QCoreApplication::quit(): the handler only
// writes a byte to a socket pair; the event loop does the rest.
class ShutdownOnSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownOnSignals(QObject *parent = nullptr);
    ~ShutdownOnSignals() override;

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace pos
