// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/callcontext.h"

#include "core/api/command.h"
#include "core/api/messages.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

#include <functional>

namespace pos {

class AuthService;

// A command's answer: a JSON value, or the same already written out as JSON text by a
// service that answers with thousands of rows (a pull page), which HTTP then sends as it
// is instead of building the value and writing it again.
class Reply
{
public:
    Reply(QJsonValue value) // NOLINT(google-explicit-constructor): every handler returns one
        : m_value(std::move(value))
    {}
    static Reply written(QByteArray json);

    // The JSON text, compact.
    QByteArray json() const;
    // The value, read back from the text when it came written.
    QJsonValue value() const;

private:
    Reply() = default;
    QJsonValue m_value;
    QByteArray m_json; // set when the service wrote the answer itself
};

using Handler = std::function<Result<Reply>(CallContext &, const QJsonObject &)>;
// A handler that reads its command's JSON body itself, on the worker that runs it: a
// store's push of 1,000 sales is some 5 MB, which QJsonDocument took HQ's thread that
// accepts every request 30 ms to parse, before the worker read it again value by value.
using BodyReader = std::function<Result<Reply>(CallContext &, const QByteArray &json)>;

// Runs a command for either binding: authenticates, authorises (with a manager override
// when the caller lacks the permission), validates the input with the command's codec,
// then calls the service function. HTTP and in-process calls meet here, so both get the
// very same checks. Safe to call from several threads at once.
class Dispatcher
{
public:
    Dispatcher(Database &db, const ServerIdentity &identity, AuthService &auth);

    // Binds a service function to a command of the table. Each command is bound once.
    void add(const QString &command, Handler handler);
    // The same for a command with a body and no path parameters, whose handler checks the
    // body itself against the command's request model.
    void addBodyReader(const QString &command, BodyReader reader);
    bool serves(const QString &command) const
    {
        return m_handlers.contains(command) || m_bodyReaders.contains(command);
    }
    bool readsBody(const QString &command) const { return m_bodyReaders.contains(command); }
    // The commands this server answers, in table order.
    QList<Command> commands() const;

    Result<Reply> execute(const Command &command, const Credentials &credentials,
                          const QJsonObject &params) const;
    // A body reader's command with its body as it came (HTTP); execute() hands one the
    // parameters written out as JSON (in-process).
    Result<Reply> execute(const Command &command, const Credentials &credentials,
                          const QByteArray &body) const;

    Database &database() const { return m_db; }
    const ServerIdentity &identity() const { return m_identity; }

private:
    Status authorise(const Command &command, const Credentials &credentials,
                     CallContext &context) const;
    // The call's context, authenticated and authorised.
    Result<CallContext> contextFor(const Command &command, const Credentials &credentials) const;
    // `call` in that context; an internal failure is logged.
    Result<Reply> run(const Command &command, const Credentials &credentials,
                      const std::function<Result<Reply>(CallContext &)> &call) const;

    Database &m_db;
    const ServerIdentity &m_identity;
    AuthService &m_auth;
    QHash<QString, Handler> m_handlers;
    QHash<QString, BodyReader> m_bodyReaders;
};

// Typed adapters, so a service function takes and returns models, not JSON.
template<typename Request, typename Response>
Handler typed(std::function<Result<Response>(CallContext &, const Request &)> fn)
{
    return [fn = std::move(fn)](CallContext &context,
                                const QJsonObject &params) -> Result<QJsonValue> {
        auto request = json::parse<Request>(params);
        if (!request) {
            return fail(request.error());
        }
        auto response = fn(context, *request);
        if (!response) {
            return fail(response.error());
        }
        return QJsonValue(json::write(*response));
    };
}

} // namespace pos
