// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <type_traits>

namespace pos {

// What went wrong, independent of transport. HTTP maps these to status codes in one place.
enum class ErrorCode {
    BadRequest, // malformed input: not JSON, wrong type, missing field
    Validation, // well-formed but breaks a rule: zero quantity, unknown enum value
    Overflow,   // an amount or quantity left the range we can represent
    NotFound,
    MethodNotAllowed,
    Conflict, // duplicate key, same id with different content
    Unauthenticated,
    Forbidden,
    PayloadTooLarge,
    RateLimited,
    Unavailable, // database or peer unreachable: try again later
    Timeout,
    Internal,
};

// Stable wire name of a code ("validation", "not_found", ...).
QString errorCodeName(ErrorCode code);
// Inverse of errorCodeName; unknown names map to Internal.
ErrorCode errorCodeFromName(const QString &name);

// An error as a value: a code, a message fit to show a user (already translated),
// and optional details (for example one line per rejected CSV row).
struct Error
{
    Error() = default;
    Error(ErrorCode c, QString m, QStringList d = {})
        : code(c)
        , message(std::move(m))
        , details(std::move(d))
    {}

    ErrorCode code = ErrorCode::Internal;
    QString message;
    QStringList details;
    int retryAfterSeconds = 0; // with RateLimited: when to try again

    // The same error with its message prefixed by a field path ("lines[2].quantity: ...").
    [[nodiscard]] Error at(const QString &path) const;
    bool operator==(const Error &) const = default;
};

template<typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, QStringList details = {})
{
    return std::unexpected(Error{code, std::move(message), std::move(details)});
}

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected(std::move(error));
}

// Applies f to a success value and passes an error through. libstdc++ 12 lacks
// std::expected::transform (it arrives with GCC 13), so we keep this one helper.
template<typename T, typename F>
auto transform(const Result<T> &result, F &&f) -> Result<std::invoke_result_t<F, const T &>>
{
    if (!result) {
        return std::unexpected(result.error());
    }
    return std::invoke(std::forward<F>(f), *result);
}

} // namespace pos

Q_DECLARE_METATYPE(pos::Error)
