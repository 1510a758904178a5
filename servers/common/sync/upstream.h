// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/httpbackend.h"

#include <variant>

namespace pos {

// The store's line to HQ, shared by its puller and its pusher: calls carry the session
// that the store's sync token buys (sync_login), logged in on first use and again when
// HQ says the session expired. Calls made while a login runs wait for it.
class Upstream : public QObject
{
    Q_OBJECT

public:
    Upstream(const QUrl &hq, QString syncToken, QObject *parent = nullptr);

    void call(const QString &command, const QJsonObject &params, const Backend::Done &done);
    // With the request body already encoded (see HttpBackend::executeEncoded).
    void callEncoded(const QString &command, const QByteArray &body, const Backend::Done &done);
    // With the answer's body as it came (see HttpBackend::executeRaw).
    void callRaw(const QString &command, const QJsonObject &params,
                 const HttpBackend::RawDone &done);
    QUrl baseUrl() const { return m_http.baseUrl(); }
    // The current session's token (empty until logged in): the hint socket presents it.
    QString sessionToken() const { return m_http.token(); }

signals:
    void loggedIn();

private:
    // The parameters, or the body already encoded; an answer parsed as JSON or left raw.
    using Body = std::variant<QJsonObject, QByteArray>;
    using Done = std::variant<Backend::Done, HttpBackend::RawDone>;
    void send(const QString &command, const Body &body, const Done &done, bool again);
    void sendNow(const QString &command, const Body &body, const Done &done, bool again);
    void login();

    HttpBackend m_http;
    QString m_syncToken;
    bool m_loggingIn = false;
    QList<std::function<void(const Status &)>> m_waiting;
};

} // namespace pos
