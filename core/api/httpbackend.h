// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace pos {

struct Command;

// Backend over HTTP: builds each request from the command table, maps the answer back.
// Only idempotent commands are retried, and only when no answer came back.
class HttpBackend : public Backend
{
    Q_OBJECT

public:
    struct Options
    {
        int timeoutMs = 10000;
        int retries = 2; // extra attempts for idempotent commands
        int retryDelayMs = 200;
    };

    explicit HttpBackend(QUrl baseUrl, QObject *parent = nullptr);
    HttpBackend(QUrl baseUrl, Options options, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }

    void execute(const QString &command, const QJsonObject &params, Done done,
                 const CallOptions &options = {}) override;
    // The same with the body already encoded as JSON, for a command with no path
    // parameters: a caller that must keep a request under the server's size limit encodes
    // it piece by piece to measure it, and should not pay for the encoding twice.
    void executeEncoded(const QString &command, const QByteArray &body, Done done);
    // The answer's body as it came, for a caller that reads it its own way (a sync page).
    using RawDone = std::function<void(Result<QByteArray>)>;
    void executeRaw(const QString &command, const QJsonObject &params, RawDone done);

private:
    static RawDone parsing(Done done);
    void start(const QString &command, const QJsonObject &params, RawDone done,
               const CallOptions &options);
    void send(const Command &command, const QJsonObject &params, const QByteArray &body,
              RawDone done, const CallOptions &options, int attempt);
    Result<QNetworkRequest> request(const Command &command, const QJsonObject &params,
                                    const CallOptions &options) const;

    QUrl m_baseUrl;
    Options m_options;
    QNetworkAccessManager m_network;
};

} // namespace pos
