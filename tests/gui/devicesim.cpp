// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicesim.h"

#include <QTcpSocket>

#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

namespace pos::test {

PrinterListener::PrinterListener()
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto answered = std::make_shared<bool>(false);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, answered] {
                const QByteArray bytes = socket->readAll();
                m_received += bytes;
                if (!*answered && bytes.startsWith(QByteArray("\x10\x04\x04", 3))) {
                    *answered = true;
                    socket->write(QByteArray(1, m_status));
                }
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

PtyPair::PtyPair()
{
    m_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (m_master < 0 || grantpt(m_master) != 0 || unlockpt(m_master) != 0) {
        return;
    }
    m_slave = QString::fromLocal8Bit(ptsname(m_master));
    fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
    // Held open so bytes the till wrote stay readable after it closes its end; raw, so the
    // line discipline passes them unchanged.
    m_held = open(m_slave.toLocal8Bit().constData(), O_RDWR | O_NOCTTY);
    termios raw{};
    if (m_held >= 0 && tcgetattr(m_held, &raw) == 0) {
        cfmakeraw(&raw);
        tcsetattr(m_held, TCSANOW, &raw);
    }
}

PtyPair::~PtyPair()
{
    if (m_held >= 0) {
        close(m_held);
    }
    if (m_master >= 0) {
        close(m_master);
    }
}

QByteArray PtyPair::readAll()
{
    QByteArray out;
    char buffer[256];
    for (;;) {
        const ssize_t n = read(m_master, buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        out.append(buffer, static_cast<qsizetype>(n));
    }
    return out;
}

} // namespace pos::test
