// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicequeue.h"

namespace pos {

DeviceQueue::DeviceQueue(std::unique_ptr<Transport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
{
    m_pool.setMaxThreadCount(1);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(5000);
    connect(&m_retryTimer, &QTimer::timeout, this, &DeviceQueue::retry);
}

DeviceQueue::~DeviceQueue()
{
    m_pool.waitForDone();
}

void DeviceQueue::submit(DeviceJob job)
{
    m_jobs.push_back(std::move(job));
    emit changed();
    pump();
}

void DeviceQueue::retry()
{
    m_waiting = false;
    pump();
}

qsizetype DeviceQueue::nextJob() const
{
    for (std::size_t i = 0; i < m_jobs.size(); ++i) {
        if (!m_waiting || m_jobs[i].retention == Retention::TryOnce) {
            return static_cast<qsizetype>(i);
        }
    }
    return -1;
}

void DeviceQueue::pump()
{
    const qsizetype index = m_busy ? -1 : nextJob();
    if (index < 0) {
        return;
    }
    m_busy = true;
    const DeviceJob job = m_jobs[static_cast<std::size_t>(index)];
    m_pool.start([this, job, index] {
        const Status status = m_transport->send(job.bytes, job.check);
        QMetaObject::invokeMethod(
                this, [this, index, status] { finished(index, status); }, Qt::QueuedConnection);
    });
}

void DeviceQueue::finished(qsizetype index, const Status &status)
{
    m_busy = false;
    const auto at = m_jobs.begin() + index;
    if (status) {
        if (!m_waiting) {
            m_lastError.clear();
        }
        m_jobs.erase(at);
    } else {
        m_lastError = status.error().message;
        if (at->retention == Retention::TryOnce) {
            m_jobs.erase(at);
        } else {
            m_waiting = true;
            m_retryTimer.start();
        }
    }
    emit changed();
    pump();
}

} // namespace pos
