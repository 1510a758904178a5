// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "upstream.h"

#include "core/db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

namespace pos {

// Keeps this database's master data in step with the server above it (a store with HQ):
// pulls after the stored cursor until caught up, then again
// on every interval and on every hint HQ sends over its WebSocket, which it keeps open
// and reopens with backoff (1 s doubling to 30 s) when it drops.
class Puller : public QObject
{
    Q_OBJECT

public:
    Puller(Database &db, Upstream &upstream, int intervalMs, QObject *parent = nullptr);

    void start();
    void pullNow();

signals:
    void caughtUp(qint64 highWater);
    void failed(const QString &message);

private:
    void fetch();
    void fetch(const QString &cursor, quint64 pull);
    void stop(const Error &error);
    void listen();
    void dropped();

    Database &m_db;
    Upstream &m_upstream;
    QTimer m_timer;
    QWebSocket m_hints;
    QTimer m_reconnect;
    int m_backoffMs = 1000;
    bool m_running = false;
    bool m_again = false; // a pull was asked for while one ran
    quint64 m_pull = 0;   // which pull the pages on their way belong to
};

} // namespace pos
