// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpbackend.h"

#include "command.h"
#include "httperror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Http)
};

// Transport failures (no answer at all) are worth a retry; an answer never is.
bool noAnswer(QNetworkReply::NetworkError e)
{
    return e == QNetworkReply::ConnectionRefusedError || e == QNetworkReply::RemoteHostClosedError
           || e == QNetworkReply::TimeoutError || e == QNetworkReply::OperationCanceledError
           || e == QNetworkReply::TemporaryNetworkFailureError
           || e == QNetworkReply::NetworkSessionFailedError
           || e == QNetworkReply::UnknownNetworkError;
}

QJsonObject withoutPathParameters(const Command &command, QJsonObject params)
{
    for (const QString &name : command.pathParameters()) {
        params.remove(name);
    }
    return params;
}

// A 2xx answer's body, or the error the answer or its absence means.
Result<QByteArray> interpret(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->readAll();
    if (status == 0) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        return fail(timedOut ? ErrorCode::Timeout : ErrorCode::Unavailable,
                    timedOut ? Tr::tr("the server did not answer in time")
                             : Tr::tr("cannot reach the server: %1").arg(reply->errorString()));
    }
    if (status >= 200 && status < 300) {
        return body;
    }
    Error error = errorFromHttp(status, body);
    error.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
    return fail(error);
}

Result<QJsonValue> parsed(const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(ErrorCode::Internal, Tr::tr("the server sent an answer that is not JSON"));
    }
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

HttpBackend::RawDone HttpBackend::parsing(Done done)
{
    return [done = std::move(done)](Result<QByteArray> body) {
        done(body ? parsed(*body) : Result<QJsonValue>(fail(body.error())));
    };
}

HttpBackend::HttpBackend(QUrl baseUrl, QObject *parent)
    : HttpBackend(std::move(baseUrl), Options{}, parent)
{}

HttpBackend::HttpBackend(QUrl baseUrl, Options options, QObject *parent)
    : Backend(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_options(options)
{
    m_network.setAutoDeleteReplies(true);
}

void HttpBackend::execute(const QString &command, const QJsonObject &params, Done done,
                          const CallOptions &options)
{
    start(command, params, parsing(std::move(done)), options);
}

void HttpBackend::executeRaw(const QString &command, const QJsonObject &params, RawDone done)
{
    start(command, params, std::move(done), {});
}

void HttpBackend::start(const QString &command, const QJsonObject &params, RawDone done,
                        const CallOptions &options)
{
    const Command *c = findCommand(command);
    if (c == nullptr) {
        QTimer::singleShot(0, this, [done = std::move(done), command] {
            done(fail(ErrorCode::NotFound, Tr::tr("unknown command %1").arg(command)));
        });
        return;
    }
    const QByteArray body = c->hasBody() ? QJsonDocument(withoutPathParameters(*c, params))
                                                   .toJson(QJsonDocument::Compact)
                                         : QByteArray();
    send(*c, params, body, std::move(done), options, 0);
}

void HttpBackend::executeEncoded(const QString &command, const QByteArray &body, Done done)
{
    const Command *c = findCommand(command);
    if (c == nullptr || !c->hasBody() || !c->pathParameters().isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done), command] {
            done(fail(ErrorCode::Internal, QStringLiteral("%1 takes no encoded body").arg(command)));
        });
        return;
    }
    send(*c, {}, body, parsing(std::move(done)), {}, 0);
}

Result<QNetworkRequest> HttpBackend::request(const Command &command, const QJsonObject &params,
                                             const CallOptions &options) const
{
    QString path = command.path;
    for (const QString &name : command.pathParameters()) {
        const QString value = params.value(name).toString();
        if (value.isEmpty()) {
            return fail(ErrorCode::BadRequest, Tr::tr("%1: is required").arg(name));
        }
        path.replace(QLatin1Char('{') + name + QLatin1Char('}'),
                     QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    QUrl url = m_baseUrl.resolved(QUrl(path.mid(1)));
    if (!command.hasBody()) {
        QUrlQuery query;
        const QJsonObject rest = withoutPathParameters(command, params);
        for (auto it = rest.begin(); it != rest.end(); ++it) {
            query.addQueryItem(it.key(), it.value().toVariant().toString());
        }
        url.setQuery(query);
    }
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(m_options.timeoutMs);
    if (!token().isEmpty()) {
        req.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token().toUtf8());
    }
    if (command.idempotency == Idempotency::NotIdempotent) {
        // Qt resends a request on its own when a connection drops before the answer; the
        // key lets the server answer such a resend without running the command twice.
        req.setRawHeader(QByteArrayLiteral("Idempotency-Key"),
                         QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    }
    if (!options.overridePin.isEmpty()) {
        req.setRawHeader(QByteArrayLiteral("X-Override-Pin"), options.overridePin.toUtf8());
    }
    return req;
}

void HttpBackend::send(const Command &command, const QJsonObject &params, const QByteArray &body,
                       RawDone done, const CallOptions &options, int attempt)
{
    auto req = request(command, params, options);
    if (!req) {
        QTimer::singleShot(0, this, [done = std::move(done), e = req.error()] { done(fail(e)); });
        return;
    }
    const QByteArray verb = methodName(command.method).toLatin1();
    QNetworkReply *reply = m_network.sendCustomRequest(*req, verb, body);
    // Commands live in the static command table: a pointer stays valid across retries, where
    // a lambda's copy would die with the lambda that made it.
    const Command *cmd = &command;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, cmd, params, body, done = std::move(done), options, attempt]() mutable {
                const bool retry
                        = cmd->idempotency == Idempotency::Idempotent && attempt < m_options.retries
                          && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0
                          && noAnswer(reply->error());
                if (retry) {
                    const int delay = m_options.retryDelayMs * (1 << attempt);
                    QTimer::singleShot(delay, this, [=, this, done = std::move(done)]() mutable {
                        send(*cmd, params, body, std::move(done), options, attempt + 1);
                    });
                    return;
                }
                done(interpret(reply));
            });
}

} // namespace pos
