// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUuid>

class QWebSocket;

namespace pos {

class AuthService;

// HQ's side of the hints: one WebSocket per connected store (/ws?token=<sync session>),
// and a small message to all of them whenever the master version moves, so stores pull at
// once instead of at their next interval. Writes anywhere reach it: on PostgreSQL every
// master write NOTIFYs pos_master on commit (so several HQ processes on one database all
// hear it); it also reads the version on a timer, the only way on SQLite and a safety net.
class HintHub : public QObject
{
    Q_OBJECT

public:
    HintHub(Database &db, const AuthService &auth, QObject *parent = nullptr);

    // Takes a socket the HTTP server upgraded; keeps it if its token is a store's.
    void accept(QWebSocket *socket);
    // Stores connected now, with when they connected. Safe from any thread.
    QHash<QUuid, QDateTime> connected() const;

private:
    void check();
    void broadcast(qint64 highWater);

    Database &m_db;
    const AuthService &m_auth;
    QHash<QUuid, QPointer<QWebSocket>> m_sockets;
    mutable QMutex m_sinceLock; // connected() is read by commands on worker threads
    QHash<QUuid, QDateTime> m_since;
    QTimer m_poll;
    qint64 m_highWater = -1;
};

} // namespace pos
