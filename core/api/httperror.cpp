// SPDX-License-Identifier: GPL-3.0-or-later
#include "httperror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace pos {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Http)
};

struct Mapping
{
    ErrorCode code;
    int status;
};

constexpr Mapping kMappings[]{
        {ErrorCode::BadRequest, 400},       {ErrorCode::Unauthenticated, 401},
        {ErrorCode::Forbidden, 403},        {ErrorCode::NotFound, 404},
        {ErrorCode::MethodNotAllowed, 405}, {ErrorCode::Conflict, 409},
        {ErrorCode::PayloadTooLarge, 413},  {ErrorCode::Validation, 422},
        {ErrorCode::Overflow, 422},         {ErrorCode::RateLimited, 429},
        {ErrorCode::Internal, 500},         {ErrorCode::Unavailable, 503},
        {ErrorCode::Timeout, 504},
};
} // namespace

int httpStatus(ErrorCode code)
{
    for (const Mapping &m : kMappings) {
        if (m.code == code) {
            return m.status;
        }
    }
    return 500;
}

QJsonObject errorBody(const Error &error)
{
    return QJsonObject{
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                         {QStringLiteral("message"), error.message},
                         {QStringLiteral("details"), QJsonArray::fromStringList(error.details)}}}};
}

Error errorFromHttp(int status, const QByteArray &body)
{
    const QJsonObject inner
            = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    if (!inner.isEmpty()) {
        QStringList details;
        for (const auto &d : inner.value(QStringLiteral("details")).toArray()) {
            details << d.toString();
        }
        return Error{errorCodeFromName(inner.value(QStringLiteral("code")).toString()),
                     inner.value(QStringLiteral("message")).toString(), details};
    }
    for (const Mapping &m : kMappings) {
        if (m.status == status) {
            return Error{m.code, Tr::tr("the server answered %1").arg(status)};
        }
    }
    if (status == 408 || status == 431) {
        return Error{status == 408 ? ErrorCode::Timeout : ErrorCode::PayloadTooLarge,
                     Tr::tr("the server answered %1").arg(status)};
    }
    return Error{ErrorCode::Internal, Tr::tr("the server answered %1").arg(status)};
}

} // namespace pos
