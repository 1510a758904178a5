// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <memory>

namespace pos {

// A receipt must come out eventually; a drawer pulse is right only now or never.
enum class Retention { UntilDone, TryOnce };

struct DeviceJob
{
    QByteArray bytes;
    PaperCheck check = PaperCheck::Skip;
    Retention retention = Retention::UntilDone;
};

// Sends jobs to one device in order on a thread of its own, so a slow or missing printer
// never holds up the screen. A job kept until done that fails stays first in line and is
// retried on a timer (or by retry()); jobs tried once still go out while it waits.
class DeviceQueue : public QObject
{
    Q_OBJECT

public:
    explicit DeviceQueue(std::unique_ptr<Transport> transport, QObject *parent = nullptr);
    ~DeviceQueue() override;

    void submit(DeviceJob job);
    void retry();
    void setRetryInterval(int milliseconds) { m_retryTimer.setInterval(milliseconds); }

    // Jobs not yet delivered, and why the last attempt failed (empty once one succeeds).
    qsizetype pending() const { return static_cast<qsizetype>(m_jobs.size()); }
    QString lastError() const { return m_lastError; }

signals:
    void changed();

private:
    void pump();
    qsizetype nextJob() const;
    void finished(qsizetype index, const Status &status);

    std::unique_ptr<Transport> m_transport;
    std::deque<DeviceJob> m_jobs;
    QString m_lastError;
    bool m_busy = false;
    bool m_waiting = false; // a kept job failed: only try-once jobs go until the retry
    QTimer m_retryTimer;
    QThreadPool m_pool;
};

} // namespace pos
