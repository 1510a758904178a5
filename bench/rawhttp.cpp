// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttp.h"

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
