// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/http/connectionguard.h"

#include "core/api/httperror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcGuard, "pos.http.guard")

namespace pos {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Http)
};

} // namespace

QByteArray closingErrorResponse(int status, const char *reason, const char *code,
                                const QString &message)
{
    const QByteArray fixed = QJsonDocument(
                                     errorBody(Error{errorCodeFromName(QString::fromLatin1(code)),
                                                     message}))
                                     .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
           + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
           + QByteArray::number(fixed.size()) + "\r\n\r\n" + fixed;
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    // QHttpServer keeps a request in the socket's buffer until it is whole, so the buffer
    // must hold the largest body accepted (the guard refuses larger ones by their declared
    // length before they arrive). A smaller buffer stalled every body over 64 KiB.
    m_socket->setReadBufferSize(limits.maxImportBytes + limits.maxHeaderBytes);
    m_idle.setSingleShot(true);
    m_request.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_head.isEmpty() && !m_inBody) {
            m_socket->abort(); // quiet keep-alive connection: just close it
        } else {
            refuse(408, "Request Timeout", "timeout",
                   QT_TRANSLATE_NOOP("pos::Http", "the request arrived too slowly"));
        }
    });
    connect(&m_request, &QTimer::timeout, this, [this] {
        refuse(408, "Request Timeout", "timeout",
               QT_TRANSLATE_NOOP("pos::Http", "the request arrived too slowly"));
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    m_idle.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::onReadyRead()
{
    if (m_refused) {
        m_socket->readAll(); // discard: the answer is already on its way
        return;
    }
    m_idle.start(m_limits.idleTimeoutMs);
    // Connected before the HTTP server's reader, which takes all there is each time: what
    // is in the buffer now is what arrived since the last look.
    scan(m_socket->peek(m_socket->bytesAvailable()));
}

void ConnectionGuard::scan(const QByteArray &chunk)
{
    qsizetype pos = 0;
    while (pos < chunk.size() && !m_refused) {
        if (m_inBody) {
            const qint64 take = std::min<qint64>(m_bodyRemaining, chunk.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0) {
                m_inBody = false;
                m_request.stop();
            }
            continue;
        }
        if (m_head.isEmpty()) {
            m_request.start(m_limits.requestTimeoutMs);
        }
        const qsizetype room = static_cast<qsizetype>(m_limits.maxHeaderBytes) - m_head.size() + 4;
        const qsizetype take = std::min(room, chunk.size() - pos);
        const qsizetype before = m_head.size();
        m_head.append(chunk.constData() + pos, take);
        const qsizetype end = m_head.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes) {
                refuse(431, "Request Header Fields Too Large", "payload_too_large",
                       QT_TRANSLATE_NOOP("pos::Http", "the request headers are too large"));
            }
            pos += take;
            continue;
        }
        pos += (end + 4) - before;
        m_head.truncate(end + 4);
        if (!headComplete()) {
            return;
        }
    }
}

// Reads the declared body length of a complete head and decides whether to accept it.
bool ConnectionGuard::headComplete()
{
    qint64 length = 0;
    for (const QByteArray &line : m_head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0) {
                refuse(400, "Bad Request", "bad_request",
                       QT_TRANSLATE_NOOP("pos::Http", "Content-Length is not a number"));
                return false;
            }
        } else if (name == "transfer-encoding") {
            // Our clients always send a length; a chunked body could grow without bound.
            refuse(411, "Length Required", "bad_request",
                   QT_TRANSLATE_NOOP("pos::Http", "send the body with a Content-Length"));
            return false;
        }
    }
    const QList<QByteArray> requestLine = m_head.left(m_head.indexOf('\r')).split(' ');
    const bool bulk = carriesBulk(requestLine.value(0), requestLine.value(1));
    if (length > (bulk ? m_limits.maxImportBytes : m_limits.maxBodyBytes)) {
        refuse(413, "Payload Too Large", "payload_too_large",
               QT_TRANSLATE_NOOP("pos::Http", "the request body is too large"));
        return false;
    }
    m_head.clear();
    m_inBody = length > 0;
    m_bodyRemaining = length;
    if (!m_inBody) {
        m_request.stop();
    }
    return true;
}

void ConnectionGuard::refuse(int status, const char *reason, const char *code, const char *message)
{
    if (m_refused) {
        return;
    }
    m_refused = true;
    m_idle.stop();
    m_request.stop();
    qCInfo(lcGuard).noquote() << m_socket->peerAddress().toString() << "refused with" << status;
    m_socket->readAll(); // nothing of this request reaches QHttpServer
    m_socket->write(closingErrorResponse(status, reason, code, Tr::tr(message)));
    m_socket->disconnectFromHost();
    // A peer that never reads its answer must not hold the socket open either.
    QTimer::singleShot(5000, m_socket, [socket = m_socket] { socket->abort(); });
}

GuardedTcpServer::GuardedTcpServer(HttpLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QHostAddress address = socket->peerAddress();
    int &count = m_perAddress[address];
    if (count >= m_limits.maxConnectionsPerAddress) {
        socket->write(closingErrorResponse(429, "Too Many Requests", "rate_limited",
                                           Tr::tr("too many connections from this address")));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(2000, socket, &QObject::deleteLater);
        return;
    }
    ++count;
    connect(socket, &QObject::destroyed, this, [this, address] {
        if (--m_perAddress[address] <= 0) {
            m_perAddress.remove(address);
        }
    });
    new ConnectionGuard(socket, m_limits); // first to see readyRead
    addPendingConnection(socket);          // QTcpServer emits newConnection after this returns
}

} // namespace pos
