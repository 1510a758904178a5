// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttp.h"

#include "serverenv.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pos::bench {

RawHttp::RawHttp(QString host, quint16 port, QByteArray token)
    : m_host(std::move(host))
    , m_port(port)
    , m_token(std::move(token))
{}

bool RawHttp::ensureConnected()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        return true;
    }
    m_socket.abort();
    m_buffer.clear();
    m_socket.connectToHost(m_host, m_port);
    return m_socket.waitForConnected(5000);
}

int RawHttp::request(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    if (!ensureConnected()) {
        return -1;
    }
    QByteArray head = method + ' ' + path + " HTTP/1.1\r\nHost: " + m_host.toLatin1()
                      + "\r\nConnection: keep-alive\r\n";
    if (!m_token.isEmpty()) {
        head += "Authorization: Bearer " + m_token + "\r\n";
    }
    if (!body.isEmpty()) {
        head += "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n";
    }
    m_socket.write(head + "\r\n" + body);
    int status = -1;
    if (!readAnswer(status)) {
        m_socket.abort();
        return -1;
    }
    return status;
}

Result<QJsonValue> RawHttp::call(const QByteArray &method, const QByteArray &path,
                                 const QJsonObject &body)
{
    const int status = request(method, path,
                               body.isEmpty() && method == "GET"
                                       ? QByteArray()
                                       : QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (status < 200 || status >= 300) {
        return fail(ErrorCode::Internal,
                    QStringLiteral("%1 %2 answered %3: %4")
                            .arg(QString::fromLatin1(method), QString::fromLatin1(path))
                            .arg(status)
                            .arg(QString::fromUtf8(m_body.left(300))));
    }
    const QJsonDocument doc = QJsonDocument::fromJson(m_body);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

Status RawHttp::logIn()
{
    auto session = call("POST", "/api/auth/login",
                        {{QStringLiteral("username"), QStringLiteral("admin")},
                         {QStringLiteral("password"), QLatin1String(kAdminPassword)}});
    if (!session) {
        return fail(session.error());
    }
    m_token = session->toObject().value(QStringLiteral("token")).toString().toLatin1();
    m_userId = session->toObject()
                       .value(QStringLiteral("user"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString();
    return {};
}

bool RawHttp::readAnswer(int &status)
{
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!m_socket.waitForReadyRead(30000)) {
            return false;
        }
        m_buffer += m_socket.readAll();
    }
    const QByteArray head = m_buffer.left(end);
    status = head.mid(9, 3).toInt();
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:")) {
            length = line.mid(15).trimmed().toLongLong();
        }
    }
    while (m_buffer.size() < end + 4 + length) {
        if (!m_socket.waitForReadyRead(30000)) {
            return false;
        }
        m_buffer += m_socket.readAll();
    }
    m_body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, end + 4 + length);
    return true;
}

} // namespace pos::bench
