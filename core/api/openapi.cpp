// SPDX-License-Identifier: GPL-3.0-or-later
#include "openapi.h"

#include <QJsonArray>

namespace pos {

namespace {

QJsonObject ref(const char *name)
{
    return QJsonObject{{QStringLiteral("$ref"),
                        QStringLiteral("#/components/schemas/") + QString::fromLatin1(name)}};
}

QJsonObject jsonContent(const QJsonObject &schema)
{
    return QJsonObject{
            {QStringLiteral("application/json"), QJsonObject{{QStringLiteral("schema"), schema}}}};
}

QJsonObject errorSchema()
{
    const QJsonObject text{{QStringLiteral("type"), QStringLiteral("string")}};
    const QJsonObject inner{{QStringLiteral("type"), QStringLiteral("object")},
                            {QStringLiteral("required"),
                             QJsonArray{QStringLiteral("code"), QStringLiteral("message")}},
                            {QStringLiteral("properties"),
                             QJsonObject{{QStringLiteral("code"), text},
                                         {QStringLiteral("message"), text},
                                         {QStringLiteral("details"),
                                          QJsonObject{{QStringLiteral("type"),
                                                       QStringLiteral("array")},
                                                      {QStringLiteral("items"), text}}}}}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("error"), inner}}}};
}

QJsonArray parameters(const Command &c)
{
    QJsonArray out;
    for (const QString &name : c.pathParameters()) {
        out.append(QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("in"), QStringLiteral("path")},
                               {QStringLiteral("required"), true},
                               {QStringLiteral("schema"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                            {QStringLiteral("format"), QStringLiteral("uuid")}}}});
    }
    if (!c.hasBody() && c.request.schema != nullptr) {
        const QJsonObject schema = c.request.schema();
        const QJsonArray required = schema.value(QStringLiteral("required")).toArray();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            out.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                   {QStringLiteral("in"), QStringLiteral("query")},
                                   {QStringLiteral("required"), required.contains(it.key())},
                                   {QStringLiteral("schema"), it.value()}});
        }
    }
    return out;
}

QJsonObject responses(const Command &c)
{
    QJsonObject ok{{QStringLiteral("description"), QStringLiteral("Success")}};
    if (c.response.name != nullptr) {
        ok.insert(QStringLiteral("content"), jsonContent(ref(c.response.name)));
    } else {
        ok.insert(QStringLiteral("content"),
                  jsonContent(QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}));
    }
    const QJsonObject error{{QStringLiteral("description"),
                             QStringLiteral("Refused: see error.code and error.message")},
                            {QStringLiteral("content"), jsonContent(ref("Error"))}};
    return QJsonObject{{QStringLiteral("200"), ok}, {QStringLiteral("default"), error}};
}

QJsonObject operation(const Command &c)
{
    QJsonObject op{{QStringLiteral("operationId"), c.name},
                   {QStringLiteral("summary"), c.summary},
                   {QStringLiteral("parameters"), parameters(c)},
                   {QStringLiteral("responses"), responses(c)}};
    if (c.hasBody() && c.request.name != nullptr) {
        op.insert(QStringLiteral("requestBody"),
                  QJsonObject{{QStringLiteral("required"), true},
                              {QStringLiteral("content"), jsonContent(ref(c.request.name))}});
    }
    if (c.access == Access::Public) {
        op.insert(QStringLiteral("security"), QJsonArray{});
    }
    if (c.access == Access::Permitted) {
        op.insert(QStringLiteral("x-permission"), permissionName(c.permission));
    }
    op.insert(QStringLiteral("x-idempotent"), c.idempotency == Idempotency::Idempotent);
    return op;
}

} // namespace

QJsonObject openApiDocument(const QList<Command> &commands, const QString &title,
                            const QString &version)
{
    QJsonObject paths;
    QJsonObject schemas{{QStringLiteral("Error"), errorSchema()}};
    for (const Command &c : commands) {
        QJsonObject item = paths.value(c.path).toObject();
        item.insert(methodName(c.method).toLower(), operation(c));
        paths.insert(c.path, item);
        for (const Codec &codec : {c.request, c.response}) {
            if (codec.name != nullptr) {
                schemas.insert(QString::fromLatin1(codec.name), codec.schema());
            }
        }
    }
    const QJsonObject bearer{{QStringLiteral("type"), QStringLiteral("http")},
                             {QStringLiteral("scheme"), QStringLiteral("bearer")},
                             {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}};
    return QJsonObject{
            {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
            {QStringLiteral("info"),
             QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("version"), version}}},
            {QStringLiteral("paths"), paths},
            {QStringLiteral("components"),
             QJsonObject{{QStringLiteral("schemas"), schemas},
                         {QStringLiteral("securitySchemes"),
                          QJsonObject{{QStringLiteral("bearer"), bearer}}}}},
            {QStringLiteral("security"),
             QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray{}}}}},
    };
}

} // namespace pos
