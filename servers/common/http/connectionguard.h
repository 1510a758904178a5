// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace pos {

// Limits Qt HTTP Server 6.4 does not have. Defaults suit a store LAN behind nginx.
struct HttpLimits
{
    qint64 maxBodyBytes = 1 << 20;    // 1 MiB: 413 beyond
    qint64 maxImportBytes = 16 << 20; // a CSV import (POST .../import) may be this large
    qint64 maxHeaderBytes = 32 << 10; // request line and headers: 431 beyond
    int idleTimeoutMs = 30000;        // a connection with nothing to say is closed
    int requestTimeoutMs = 30000;     // a request must arrive whole within this: 408
    int maxConnectionsPerAddress = 64;
};

// Watches one connection's bytes before QHttpServer parses them: it is connected to
// readyRead first, so it sees each chunk (peek) and can refuse a request whose head or
// declared body is too large, or that trickles in too slowly, before anything is buffered.
// Requests that may carry up to maxImportBytes: a CSV import and a store's push.
inline bool carriesBulk(const QByteArray &method, const QByteArray &path)
{
    return method == "POST" && (path.endsWith("/import") || path == "/api/sync/push");
}

class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

private:
    void onReadyRead();
    void scan(const QByteArray &chunk);
    bool headComplete();
    void refuse(int status, const char *reason, const char *code, const char *message);

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    QByteArray m_head;          // the head being received, never more than the limit
    qint64 m_bodyRemaining = 0; // bytes of body still to come for the current request
    bool m_inBody = false;
    bool m_refused = false;
    QTimer m_idle;
    QTimer m_request;
};

// The listening socket: counts connections per client address and puts a ConnectionGuard
// on every accepted socket before QHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(HttpLimits limits, QObject *parent = nullptr);
    const HttpLimits &limits() const { return m_limits; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    HttpLimits m_limits;
    QHash<QHostAddress, int> m_perAddress;
};

// A complete HTTP/1.1 error answer written straight to a socket, closing the connection.
QByteArray closingErrorResponse(int status, const char *reason, const char *code,
                                const QString &message);

} // namespace pos
