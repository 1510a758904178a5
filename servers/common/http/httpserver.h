// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/http/connectionguard.h"
#include "servers/common/http/replaycache.h"

#include "core/base/error.h"

#include <QAbstractHttpServer>
#include <QRegularExpression>
#include <QThreadPool>

namespace pos {

class Dispatcher;
struct Command;

// The HTTP face of a Dispatcher. Routes come from the commands the dispatcher serves;
// each request runs on a worker thread and is answered on the server thread, only if the
// client is still there. One log line per request: method, path, status, ms, user.
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpServer(const Dispatcher &dispatcher, HttpLimits limits, QObject *parent = nullptr);
    ~HttpServer() override;

    // Listens on address:port (0 picks a free port); returns the port.
    Result<quint16> start(const QHostAddress &address, quint16 port);
    // Waits for requests in flight (for a clean shutdown).
    void drain();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        const Command *command;
        QRegularExpression pattern;
        QStringList parameters;
    };

    Result<QJsonObject> parameters(const Route &route, const QRegularExpressionMatch &match,
                                   const QHttpServerRequest &request) const;

    const Dispatcher &m_dispatcher;
    HttpLimits m_limits;
    QList<Route> m_routes;
    ReplayCache m_replays;
    QThreadPool m_workers;
    GuardedTcpServer *m_listener = nullptr;
};

} // namespace pos
