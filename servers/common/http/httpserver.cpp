// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/http/httpserver.h"

#include "servers/common/dispatcher.h"

#include "core/api/httperror.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QUrlQuery>

#include <libdeflate.h>

#include <memory>

Q_LOGGING_CATEGORY(lcHttp, "pos.http")

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Http)
};

QString methodOf(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    default:
        return QStringLiteral("OTHER");
    }
}

QString bearer(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization");
    return header.startsWith("Bearer ") ? QString::fromLatin1(header.mid(7).trimmed()) : QString();
}

// Who made the call, for the log line: the token's user, never the token itself.
QString userOf(const QString &token)
{
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3) {
        return QStringLiteral("-");
    }
    const auto payload = QJsonDocument::fromJson(
            QByteArray::fromBase64(parts[1],
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString name = payload.object().value(QStringLiteral("name")).toString();
    return name.isEmpty() ? QStringLiteral("-") : name;
}

using Answer = ReplayCache::Answer;

Answer answerFor(const Result<Reply> &result)
{
    if (!result) {
        return Answer{httpStatus(result.error().code),
                      QJsonDocument(errorBody(result.error())).toJson(QJsonDocument::Compact),
                      result.error().retryAfterSeconds};
    }
    return Answer{200, result->json(), 0};
}

// gzip (RFC 1952) through libdeflate at its fastest level; empty when it fails, and the
// body then goes as it is. HQ compresses a page for every store that pulls: a 2 MB page
// of a pull shrinks to about 300 KB. zlib's fastest level (nginx's default) took a
// quarter of hq-server's work in a first pull; libdeflate does the same job with less
// (it compresses a whole buffer at once, and its CRC uses the CPU's carry-less multiply).
QByteArray gzipped(const QByteArray &data)
{
    std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)>
            compressor(libdeflate_alloc_compressor(1), &libdeflate_free_compressor);
    if (!compressor) {
        return {};
    }
    const auto size = static_cast<size_t>(data.size());
    QByteArray out(static_cast<qsizetype>(libdeflate_gzip_compress_bound(compressor.get(), size)),
                   Qt::Uninitialized);
    const size_t written = libdeflate_gzip_compress(compressor.get(), data.constData(), size,
                                                    out.data(), static_cast<size_t>(out.size()));
    out.resize(static_cast<qsizetype>(written));
    return out; // empty when it did not fit, which the bound rules out
}

// Answers of 1 KiB and more go gzipped to clients that accept it (a pull page, a catalog
// page, an export): QNetworkAccessManager asks for gzip and inflates by itself.
QByteArray gzippedFor(const Answer &answer, bool gzipAccepted)
{
    return gzipAccepted && answer.body.size() >= 1024 ? gzipped(answer.body) : QByteArray();
}

// `compressed` is the body gzipped, when the worker did it; otherwise it is done here.
void write(QHttpServerResponder &responder, const Answer &answer, bool gzipAccepted,
           QByteArray compressed = {})
{
    // Qt 6.4 takes headers only as an initializer list, hence one call per combination.
    const auto status = static_cast<QHttpServerResponder::StatusCode>(answer.status);
    const QByteArray json("application/json");
    const QByteArray retry = QByteArray::number(answer.retryAfter);
    if (compressed.isEmpty()) {
        compressed = gzippedFor(answer, gzipAccepted);
    }
    if (compressed.isEmpty() && answer.retryAfter > 0) {
        responder.write(answer.body, {{"Content-Type", json}, {"Retry-After", retry}}, status);
    } else if (compressed.isEmpty()) {
        responder.write(answer.body, {{"Content-Type", json}}, status);
    } else if (answer.retryAfter > 0) {
        responder.write(compressed,
                        {{"Content-Type", json},
                         {"Retry-After", retry},
                         {"Content-Encoding", "gzip"},
                         {"Vary", "Accept-Encoding"}},
                        status);
    } else {
        responder.write(compressed,
                        {{"Content-Type", json},
                         {"Content-Encoding", "gzip"},
                         {"Vary", "Accept-Encoding"}},
                        status);
    }
}

} // namespace

HttpServer::HttpServer(const Dispatcher &dispatcher, HttpLimits limits, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(dispatcher)
    , m_limits(limits)
{
    static const QRegularExpression parameter(QStringLiteral("\\{[a-z_]+\\}"));
    for (const Command &c : commandTable()) {
        if (!m_dispatcher.serves(c.name)) {
            continue;
        }
        QString pattern = QRegularExpression::escape(c.path);
        pattern.replace(QRegularExpression(QStringLiteral("\\\\\\{[a-z_]+\\\\\\}")),
                        QStringLiteral("([^/]+)"));
        m_routes.append(Route{&c, QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$')),
                              c.pathParameters()});
    }
    m_workers.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
}

HttpServer::~HttpServer()
{
    drain();
}

void HttpServer::drain()
{
    m_workers.waitForDone();
}

Result<quint16> HttpServer::start(const QHostAddress &address, quint16 port)
{
    m_listener = new GuardedTcpServer(m_limits, this);
    if (!m_listener->listen(address, port)) {
        return fail(ErrorCode::Unavailable, Tr::tr("cannot listen on %1:%2: %3")
                                                    .arg(address.toString())
                                                    .arg(port)
                                                    .arg(m_listener->errorString()));
    }
    bind(m_listener);
    return m_listener->serverPort();
}

Result<QJsonObject> HttpServer::parameters(const Route &route, const QRegularExpressionMatch &match,
                                           const QHttpServerRequest &request) const
{
    QJsonObject params;
    if (route.command->hasBody()) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            return fail(ErrorCode::BadRequest, Tr::tr("the body must be a JSON object"));
        }
        params = doc.object();
    } else {
        for (const auto &[key, value] : request.query().queryItems(QUrl::FullyDecoded)) {
            params.insert(key, value);
        }
    }
    for (qsizetype i = 0; i < route.parameters.size(); ++i) {
        const QString value = match.captured(static_cast<int>(i + 1));
        const QString &name = route.parameters[i];
        if (params.contains(name) && params.value(name).toString() != value) {
            return fail(ErrorCode::BadRequest, Tr::tr("%1: does not match the address").arg(name));
        }
        params.insert(name, value);
    }
    return params;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const QString method = methodOf(request);
    const QString path = request.url().path();
    if (path == QLatin1String("/ws")) {
        return true; // a WebSocket upgrade: QAbstractHttpServer hands the socket over
    }
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const QString token = bearer(request);
    const bool gzipAccepted = request.value(QByteArrayLiteral("Accept-Encoding")).contains("gzip");
    auto finish = [=, this](const Answer &answer, const QByteArray &compressed = {}) {
        write(*responder, answer, gzipAccepted, compressed);
        qCInfo(lcHttp).noquote() << method << path << answer.status << timer.elapsed() << "ms"
                                 << userOf(token);
    };

    const Route *route = nullptr;
    QRegularExpressionMatch match;
    QStringList allowed;
    for (const Route &r : m_routes) {
        auto m = r.pattern.match(path);
        if (!m.hasMatch()) {
            continue;
        }
        allowed << methodName(r.command->method);
        // The first command in the table wins, so /api/products/export is not read as
        // /api/products/{id}.
        if (route == nullptr && methodName(r.command->method) == method) {
            route = &r;
            match = m;
        }
    }
    if (route == nullptr) {
        const bool pathKnown = !allowed.isEmpty();
        finish(answerFor(fail(pathKnown ? ErrorCode::MethodNotAllowed : ErrorCode::NotFound,
                              pathKnown ? Tr::tr("%1 is not allowed here; use %2")
                                                  .arg(method, allowed.join(QStringLiteral(", ")))
                                        : Tr::tr("there is nothing at %1").arg(path))));
        return true;
    }
    const bool bulk = carriesBulk(method.toLatin1(), path.toLatin1());
    if (request.body().size() > (bulk ? m_limits.maxImportBytes : m_limits.maxBodyBytes)) {
        // the guard refuses sooner
        finish(answerFor(
                fail(ErrorCode::PayloadTooLarge, Tr::tr("the request body is too large"))));
        return true;
    }
    // A body reader parses its body itself, on the worker (Dispatcher::addBodyReader).
    const bool readsBody = m_dispatcher.readsBody(route->command->name);
    auto params = readsBody ? Result<QJsonObject>(QJsonObject())
                            : parameters(*route, match, request);
    if (!params) {
        finish(answerFor(fail(params.error())));
        return true;
    }
    const QByteArray body = readsBody ? request.body() : QByteArray();
    const Credentials credentials{token, QString::fromUtf8(request.value("X-Override-Pin")),
                                  request.remoteAddress().toString()};
    QPointer<QTcpSocket> client(socket);
    const Command *command = route->command;
    auto deliver = [client, finish](const Answer &answer, const QByteArray &compressed = {}) {
        // A client that left before its answer must not crash the server.
        if (client.isNull() || client->state() != QAbstractSocket::ConnectedState) {
            qCInfo(lcHttp) << "client left before its answer";
            return;
        }
        finish(answer, compressed);
    };
    // The same key from the same bearer for the same command is the same request sent
    // again: it gets the first one's answer instead of running twice.
    const QByteArray key = request.value("Idempotency-Key");
    const QString replayKey = key.isEmpty() ? QString()
                                            : token + QLatin1Char('|') + command->name
                                                      + QLatin1Char('|') + QString::fromLatin1(key);
    if (!replayKey.isEmpty()
        && !m_replays.claim(replayKey, deliver, QDateTime::currentDateTimeUtc())) {
        return true;
    }
    m_workers.start([this, command, credentials, params = *params, body, readsBody, replayKey,
                     deliver, gzipAccepted]() mutable {
        const Answer answer = answerFor(
                readsBody ? m_dispatcher.execute(*command, credentials, body)
                          : m_dispatcher.execute(*command, credentials, params));
        // Compressed here, off the thread that accepts and answers every other request.
        const QByteArray compressed = gzippedFor(answer, gzipAccepted);
        // The responder travels with the answer, so it is only ever touched on this thread.
        QMetaObject::invokeMethod(this, [this, replayKey, deliver = std::move(deliver), answer,
                                         compressed] {
            if (!replayKey.isEmpty()) {
                m_replays.complete(replayKey, answer);
            }
            deliver(answer, compressed);
        });
    });
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto responder = makeResponder(request, socket);
    write(responder, answerFor(fail(ErrorCode::NotFound, Tr::tr("there is nothing here"))), false);
}

} // namespace pos
