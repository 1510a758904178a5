// SPDX-License-Identifier: GPL-3.0-or-later
#include "upstream.h"

namespace pos {

Upstream::Upstream(const QUrl &hq, QString syncToken, QObject *parent)
    : QObject(parent)
    , m_http(hq)
    , m_syncToken(std::move(syncToken))
{}

void Upstream::call(const QString &command, const QJsonObject &params, const Backend::Done &done)
{
    send(command, params, done, false);
}

void Upstream::callEncoded(const QString &command, const QByteArray &body, const Backend::Done &done)
{
    send(command, body, done, false);
}

void Upstream::callRaw(const QString &command, const QJsonObject &params,
                       const HttpBackend::RawDone &done)
{
    send(command, params, done, false);
}

void Upstream::send(const QString &command, const Body &body, const Done &done, bool again)
{
    if (!m_http.token().isEmpty()) {
        sendNow(command, body, done, again);
        return;
    }
    m_waiting.append([this, command, body, done, again](const Status &in) {
        if (!in) {
            std::visit([&](const auto &d) { d(fail(in.error())); }, done);
            return;
        }
        send(command, body, done, again);
    });
    login();
}

void Upstream::sendNow(const QString &command, const Body &body, const Done &done, bool again)
{
    // The session expired: one new login, then the call again.
    auto answered = [this, command, body, done, again](auto r) {
        if (!r && r.error().code == ErrorCode::Unauthenticated && !again) {
            m_http.setToken({});
            send(command, body, done, true);
            return;
        }
        std::get<std::function<void(decltype(r))>>(done)(std::move(r));
    };
    if (std::holds_alternative<HttpBackend::RawDone>(done)) {
        m_http.executeRaw(command, std::get<QJsonObject>(body),
                          [answered](Result<QByteArray> r) { answered(std::move(r)); });
    } else if (const auto *params = std::get_if<QJsonObject>(&body)) {
        m_http.execute(command, *params,
                       [answered](Result<QJsonValue> r) { answered(std::move(r)); });
    } else {
        m_http.executeEncoded(command, std::get<QByteArray>(body),
                              [answered](Result<QJsonValue> r) { answered(std::move(r)); });
    }
}

void Upstream::login()
{
    if (m_loggingIn) {
        return;
    }
    m_loggingIn = true;
    m_http.execute(QStringLiteral("sync_login"), {{QStringLiteral("token"), m_syncToken}},
                   [this](Result<QJsonValue> session) {
                       m_loggingIn = false;
                       if (session) {
                           m_http.setToken(
                                   session->toObject().value(QStringLiteral("token")).toString());
                       }
                       const Status outcome = session ? Status{} : Status(fail(session.error()));
                       const auto waiting = std::exchange(m_waiting, {});
                       for (const auto &w : waiting) {
                           w(outcome);
                       }
                       if (session) {
                           emit loggedIn();
                       }
                   });
}

} // namespace pos
