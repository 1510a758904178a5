// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchedbackend.h"

namespace pos {

WatchedBackend::WatchedBackend(Backend &inner, QObject *parent)
    : Backend(parent)
    , m_inner(inner)
{
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(150);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] {
        m_busy = true;
        emit busyChanged(true);
    });
}

void WatchedBackend::execute(const QString &command, const QJsonObject &params, Done done,
                             const CallOptions &options)
{
    if (m_running++ == 0) {
        m_busyDelay.start();
    }
    m_inner.setToken(token());
    m_inner.execute(
            command, params,
            [this, done = std::move(done)](Result<QJsonValue> answer) {
                finished(answer);
                done(std::move(answer));
            },
            options);
}

void WatchedBackend::finished(const Result<QJsonValue> &answer)
{
    if (--m_running == 0) {
        m_busyDelay.stop();
        if (m_busy) {
            m_busy = false;
            emit busyChanged(false);
        }
    }
    const bool reachable = answer
                           || (answer.error().code != ErrorCode::Unavailable
                               && answer.error().code != ErrorCode::Timeout);
    if (reachable != m_reachable) {
        m_reachable = reachable;
        emit reachableChanged(reachable);
    }
}

} // namespace pos
