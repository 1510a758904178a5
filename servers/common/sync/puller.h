// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "applychanges.h"
#include "upstream.h"

#include "core/db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <memory>

namespace pos {

// Keeps this database's master data in step with the server above it (a store with HQ):
// pulls after the stored cursor until caught up, then again
// on every interval and on every hint HQ sends over its WebSocket, which it keeps open
// and reopens with backoff (1 s doubling to 30 s) when it drops.
//
// Pages are applied in order on a thread of their own, so that while one is written the
// next is read from HQ and parsed here: a first pull of a big catalog keeps both sides and
// the database busy instead of taking turns.
class Puller : public QObject
{
    Q_OBJECT

public:
    Puller(Database &db, Upstream &upstream, int intervalMs, int pageRows = 5000,
           QObject *parent = nullptr);
    ~Puller() override;

    void start();
    void pullNow();

signals:
    void caughtUp(qint64 highWater);
    void failed(const QString &message);

private:
    void fetch();
    void fetch(const QString &cursor, quint64 pull);
    void fetchAhead();
    using Page = std::shared_ptr<const PulledPage>;
    void apply(const Page &page, quint64 pull);
    void applied(const Status &ok, const Page &page, quint64 pull);
    void stop(const Error &error);
    void listen();
    void dropped();

    Database &m_db;
    Upstream &m_upstream;
    int m_pageRows;
    QTimer m_timer;
    QWebSocket m_hints;
    QTimer m_reconnect;
    int m_backoffMs = 1000;
    bool m_running = false;
    bool m_again = false; // a pull was asked for while one ran
    // Which pull the pages on their way belong to; read by the applying thread too.
    std::atomic<quint64> m_pull = 0;
    PullKind m_kind = PullKind::Later; // a first pull: nothing pulled before it
    bool m_fetching = false;
    std::optional<QString> m_next; // the cursor of the page to fetch when there is room
    int m_pending = 0;             // pages handed to m_applier and not yet done
    QThreadPool m_applier;         // one thread: pages go in in order
};

} // namespace pos
