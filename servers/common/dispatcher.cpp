// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/dispatcher.h"

#include "servers/common/auth/authservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDispatch, "pos.dispatch")

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

bool holds(const Claims &claims, Permission permission)
{
    return claims.permissions.contains(permissionName(permission));
}

// Splits the call's parameters: path parameters (checked as UUIDs) go to the context; the
// rest, plus any path parameter the request model itself declares (a PUT's "id"), is the
// input the request codec validates and the service function reads.
Result<QJsonObject> split(const Command &command, const QJsonObject &params, CallContext &context)
{
    QJsonObject input = params;
    for (const QString &name : command.pathParameters()) {
        const QJsonValue value = params.value(name);
        if (QUuid::fromString(value.toString()).isNull()) {
            return fail(ErrorCode::BadRequest, Tr::tr("%1: must be a UUID").arg(name));
        }
        context.pathParams.insert(name, value);
        if (!command.requestFields.contains(name)) {
            input.remove(name);
        }
    }
    if (command.request.validate != nullptr) {
        if (auto ok = command.request.validate(input); !ok) {
            return fail(ok.error());
        }
    } else if (!input.isEmpty()) {
        return fail(ErrorCode::BadRequest,
                    Tr::tr("%1: is not a known parameter").arg(input.keys().constFirst()));
    }
    return input;
}

} // namespace

Status requirePermission(CallContext &context, Permission permission)
{
    if (context.user && holds(*context.user, permission)) {
        return {};
    }
    if (!context.approve) {
        return fail(ErrorCode::Forbidden, Tr::tr("you need the permission %1; ask a manager")
                                                  .arg(permissionName(permission)));
    }
    auto approver = context.approve(permission);
    if (!approver) {
        return fail(approver.error());
    }
    context.approver = *approver;
    return {};
}

Dispatcher::Dispatcher(Database &db, const ServerIdentity &identity, AuthService &auth)
    : m_db(db)
    , m_identity(identity)
    , m_auth(auth)
{}

void Dispatcher::add(const QString &command, Handler handler)
{
    Q_ASSERT_X(findCommand(command) != nullptr, "Dispatcher::add", "command not in the table");
    Q_ASSERT_X(!serves(command), "Dispatcher::add", "command bound twice");
    m_handlers.emplace(command, std::move(handler));
}

void Dispatcher::addBodyReader(const QString &command, BodyReader reader)
{
    const Command *c = findCommand(command);
    Q_ASSERT_X(c != nullptr && c->hasBody() && c->pathParameters().isEmpty(),
               "Dispatcher::addBodyReader", "a body reader's command has a body and no path");
    Q_ASSERT_X(!serves(command), "Dispatcher::addBodyReader", "command bound twice");
    m_bodyReaders.emplace(command, std::move(reader));
}

QList<Command> Dispatcher::commands() const
{
    QList<Command> out;
    for (const Command &c : commandTable()) {
        if (serves(c.name)) {
            out << c;
        }
    }
    return out;
}

Status Dispatcher::authorise(const Command &command, const Credentials &credentials,
                             CallContext &context) const
{
    if (command.access == Access::Public) {
        return {};
    }
    if (credentials.bearerToken.isEmpty()) {
        return fail(ErrorCode::Unauthenticated, Tr::tr("log in first"));
    }
    auto claims = m_auth.authenticate(credentials.bearerToken, context.now);
    if (!claims) {
        return fail(claims.error());
    }
    context.user = *claims;
    if (command.access == Access::Authenticated || holds(*claims, command.permission)) {
        return {};
    }
    if (credentials.overridePin.isEmpty()) {
        return fail(ErrorCode::Forbidden, Tr::tr("you need the permission %1; ask a manager")
                                                  .arg(permissionName(command.permission)));
    }
    auto approver = m_auth.approve(credentials.overridePin, command.permission,
                                   credentials.clientAddress, context.now);
    if (!approver) {
        return fail(approver.error());
    }
    context.approver = *approver;
    return {};
}

Reply Reply::written(QByteArray json)
{
    Reply reply;
    reply.m_json = std::move(json);
    return reply;
}

QByteArray Reply::json() const
{
    if (!m_json.isNull()) {
        return m_json;
    }
    return (m_value.isArray() ? QJsonDocument(m_value.toArray()) : QJsonDocument(m_value.toObject()))
            .toJson(QJsonDocument::Compact);
}

QJsonValue Reply::value() const
{
    if (m_json.isNull()) {
        return m_value;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(m_json);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

Result<CallContext> Dispatcher::contextFor(const Command &command,
                                           const Credentials &credentials) const
{
    CallContext context{m_db,
                        m_identity,
                        std::nullopt,
                        std::nullopt,
                        credentials.clientAddress,
                        QDateTime::currentDateTimeUtc(),
                        {},
                        {}};
    if (!credentials.overridePin.isEmpty()) {
        context.approve = [this, credentials, now = context.now](Permission p) {
            return m_auth.approve(credentials.overridePin, p, credentials.clientAddress, now);
        };
    }
    if (auto allowed = authorise(command, credentials, context); !allowed) {
        return fail(allowed.error());
    }
    return context;
}

Result<Reply> Dispatcher::run(const Command &command, const Credentials &credentials,
                              const std::function<Result<Reply>(CallContext &)> &call) const
{
    auto context = contextFor(command, credentials);
    if (!context) {
        return fail(context.error());
    }
    auto result = call(*context);
    if (!result && result.error().code == ErrorCode::Internal) {
        qCWarning(lcDispatch) << command.name << result.error().message << result.error().details;
    }
    return result;
}

Result<Reply> Dispatcher::execute(const Command &command, const Credentials &credentials,
                                  const QJsonObject &params) const
{
    if (readsBody(command.name)) {
        return execute(command, credentials, QJsonDocument(params).toJson(QJsonDocument::Compact));
    }
    const auto handler = m_handlers.constFind(command.name);
    if (handler == m_handlers.constEnd()) {
        return fail(ErrorCode::NotFound, Tr::tr("%1 is not served here").arg(command.name));
    }
    return run(command, credentials, [&](CallContext &context) -> Result<Reply> {
        auto input = split(command, params, context);
        return input ? (*handler)(context, *input) : Result<Reply>(fail(input.error()));
    });
}

Result<Reply> Dispatcher::execute(const Command &command, const Credentials &credentials,
                                  const QByteArray &body) const
{
    const auto reader = m_bodyReaders.constFind(command.name);
    if (reader == m_bodyReaders.constEnd()) {
        return fail(ErrorCode::NotFound, Tr::tr("%1 is not served here").arg(command.name));
    }
    return run(command, credentials, [&](CallContext &context) { return (*reader)(context, body); });
}

} // namespace pos
