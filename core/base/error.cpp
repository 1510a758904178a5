// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

#include <array>
#include <utility>

namespace pos {

namespace {
constexpr std::array kNames{
        std::pair{ErrorCode::BadRequest, "bad_request"},
        std::pair{ErrorCode::Validation, "validation"},
        std::pair{ErrorCode::Overflow, "overflow"},
        std::pair{ErrorCode::NotFound, "not_found"},
        std::pair{ErrorCode::MethodNotAllowed, "method_not_allowed"},
        std::pair{ErrorCode::Conflict, "conflict"},
        std::pair{ErrorCode::Unauthenticated, "unauthenticated"},
        std::pair{ErrorCode::Forbidden, "forbidden"},
        std::pair{ErrorCode::PayloadTooLarge, "payload_too_large"},
        std::pair{ErrorCode::RateLimited, "rate_limited"},
        std::pair{ErrorCode::Unavailable, "unavailable"},
        std::pair{ErrorCode::Timeout, "timeout"},
        std::pair{ErrorCode::Internal, "internal"},
};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : kNames) {
        if (c == code) {
            return QString::fromLatin1(name);
        }
    }
    return QStringLiteral("internal");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const auto &[c, n] : kNames) {
        if (name == QLatin1String(n)) {
            return c;
        }
    }
    return ErrorCode::Internal;
}

Error Error::at(const QString &path) const
{
    if (path.isEmpty()) {
        return *this;
    }
    return Error{code, path + QStringLiteral(": ") + message, details};
}

} // namespace pos
