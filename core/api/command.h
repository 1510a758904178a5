// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "permission.h"

#include "core/base/error.h"
#include "core/model/schema.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace pos {

enum class HttpMethod { Get, Post, Put, Patch, Delete };
QString methodName(HttpMethod method);

// Who may run a command: anyone, any logged-in user, or holders of one permission.
enum class Access { Public, Authenticated, Permitted };

// Whether running a command twice with the same input has the effect of running it once.
// Only idempotent commands are retried by HttpBackend after a lost answer.
enum class Idempotency { Idempotent, NotIdempotent };

// The strict parser and the schema of one request or response body, from its model.
struct Codec
{
    const char *name = nullptr; // schema component name; nullptr: no body
    Status (*validate)(const QJsonValue &) = nullptr;
    QJsonObject (*schema)() = nullptr;
};

template<typename T>
Codec codec(const char *name)
{
    return Codec{name,
                 [](const QJsonValue &value) -> Status {
                     auto parsed = json::parse<T>(value);
                     if (!parsed) {
                         return fail(parsed.error());
                     }
                     return {};
                 },
                 [] {
                     return json::SchemaWriter::schemaOf<T>();
                 }};
}

inline Codec noBody()
{
    return Codec{};
}

// One entry of the API: the single source its HTTP route, its client call, its in-process
// dispatch and its OpenAPI operation are all made from.
struct Command
{
    QString name; // "get_products": the operationId too
    HttpMethod method = HttpMethod::Get;
    QString path; // "/api/products/{id}"
    Access access = Access::Authenticated;
    Permission permission = Permission::ReportsView; // used when access is Permitted
    Idempotency idempotency = Idempotency::Idempotent;
    Codec request; // the body (POST/PUT/PATCH) or the query string (GET/DELETE)
    Codec response;
    QString summary;

    // Worked out once when the table is built, since every request asks for them:
    QStringList pathParams;    // "{id}" style parameters of the path, in order
    QStringList requestFields; // the fields the request model declares

    const QStringList &pathParameters() const { return pathParams; }
    // Whether the request travels as a JSON body (else as query parameters).
    bool hasBody() const;
};

// The whole API, in a stable order.
const QList<Command> &commandTable();
const Command *findCommand(const QString &name);

} // namespace pos
