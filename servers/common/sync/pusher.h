// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "outbox.h"
#include "upstream.h"

#include <QTimer>

namespace pos {

// Empties the store's outbox into HQ: a batch of the oldest records at a time, each read as
// it stands now, and each settled by HQ's word on it. While records wait it sends batch
// after batch; when the outbox is empty it looks again every `idleMs`; when HQ cannot be
// reached it backs off (1 s doubling to 30 s). Nothing leaves the outbox unacknowledged.
class Pusher : public QObject
{
    Q_OBJECT

public:
    Pusher(Database &db, Upstream &upstream, int idleMs, QObject *parent = nullptr);

    void start();
    void pushNow();

signals:
    void drained();
    void failed(const QString &message);

private:
    void send(const QList<outbox::Entry> &entries);
    void settled(const QList<PushResult> &results);
    void stop(const Error &error);

    Database &m_db;
    Upstream &m_upstream;
    QTimer m_timer;
    int m_idleMs;
    int m_backoffMs = 1000;
    bool m_running = false;
};

} // namespace pos
