// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QTcpSocket>

namespace pos::bench {

// A blocking HTTP/1.1 client on one kept-alive connection, for timing requests without a
// client library's own queueing in the figure. One per thread.
class RawHttp
{
public:
    RawHttp(QString host, quint16 port, QByteArray token = {});

    // Sends one request and reads the whole answer; the status code, or -1 on failure.
    int request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {});
    const QByteArray &body() const { return m_body; }
    // A JSON call: the answer's JSON when it succeeded, its text as the error otherwise.
    Result<QJsonValue> call(const QByteArray &method, const QByteArray &path,
                            const QJsonObject &body = {});
    // Logs in as the bench's admin and keeps the token for later calls.
    Status logIn();
    QString userId() const { return m_userId; }
    QByteArray token() const { return m_token; }

private:
    bool ensureConnected();
    bool readAnswer(int &status);

    QString m_host;
    quint16 m_port;
    QByteArray m_token;
    QString m_userId;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_body;
};

} // namespace pos::bench
