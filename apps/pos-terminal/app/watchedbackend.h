// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"

#include <QTimer>

namespace pos {

// A Backend in front of another that watches it for the status bar: whether the server
// answered the last call, and whether a call has been running long enough (150 ms) to
// show the small busy mark. Calls and answers pass through unchanged.
class WatchedBackend : public Backend
{
    Q_OBJECT

public:
    explicit WatchedBackend(Backend &inner, QObject *parent = nullptr);

    void execute(const QString &command, const QJsonObject &params, Done done,
                 const CallOptions &options = {}) override;

    bool reachable() const { return m_reachable; }
    bool busy() const { return m_busy; }

signals:
    void reachableChanged(bool reachable);
    void busyChanged(bool busy);

private:
    void finished(const Result<QJsonValue> &answer);

    Backend &m_inner;
    QTimer m_busyDelay;
    int m_running = 0;
    bool m_reachable = true;
    bool m_busy = false;
};

} // namespace pos
