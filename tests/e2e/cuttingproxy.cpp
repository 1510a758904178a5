// SPDX-License-Identifier: GPL-3.0-or-later
#include "cuttingproxy.h"

#include <QHostAddress>

namespace pos::test {

CuttingProxy::CuttingProxy(quint16 target, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_random(seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &CuttingProxy::accept);
}

bool CuttingProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString CuttingProxy::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort());
}

void CuttingProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_connections;
        auto *server = new QTcpSocket(client);
        server->connectToHost(QHostAddress::LocalHost, m_target);
        pipe(client, server);
    }
}

void CuttingProxy::pipe(QTcpSocket *client, QTcpSocket *server)
{
    // Decided per connection: cut after this many bytes of the answer (-1: never).
    const qint64 cutAfter = m_random.generateDouble() < m_cutRate
                                    ? static_cast<qint64>(m_random.bounded(1, 400))
                                    : -1;
    auto sent = std::make_shared<qint64>(0);
    auto waiting = std::make_shared<QByteArray>();
    connect(client, &QTcpSocket::readyRead, server, [client, server, waiting] {
        if (server->state() == QAbstractSocket::ConnectedState) {
            server->write(client->readAll());
        } else {
            waiting->append(client->readAll());
        }
    });
    connect(server, &QTcpSocket::connected, server, [server, waiting] {
        server->write(*waiting);
        waiting->clear();
    });
    connect(server, &QTcpSocket::readyRead, client, [this, client, server, sent, cutAfter] {
        const QByteArray answer = server->readAll();
        if (cutAfter >= 0 && *sent + answer.size() > cutAfter) {
            ++m_cuts;
            client->write(answer.left(cutAfter - *sent));
            client->flush();
            client->abort();
            server->abort();
            client->deleteLater();
            return;
        }
        *sent += answer.size();
        client->write(answer);
    });
    const auto close = [client, server] {
        server->disconnectFromHost();
        client->disconnectFromHost();
        client->deleteLater();
    };
    connect(client, &QTcpSocket::disconnected, client, close);
    connect(server, &QTcpSocket::disconnected, client, close);
    connect(server, &QTcpSocket::errorOccurred, client, close);
}

} // namespace pos::test
