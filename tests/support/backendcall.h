// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"

#include <QEventLoop>
#include <QTimer>

namespace pos::test {

// Runs one command and waits for its answer, keeping the event loop turning meanwhile
// (the HTTP server under test may live on this very thread).
inline Result<QJsonValue> call(Backend &backend, const QString &command,
                               const QJsonObject &params = {}, const CallOptions &options = {},
                               int timeoutMs = 30000)
{
    std::optional<Result<QJsonValue>> answer;
    QEventLoop loop;
    backend.execute(
            command, params,
            [&](Result<QJsonValue> result) {
                answer = std::move(result);
                loop.quit();
            },
            options);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!answer) {
        loop.exec();
    }
    if (!answer) {
        return fail(ErrorCode::Timeout,
                    QStringLiteral("no answer to %1 within %2 ms").arg(command).arg(timeoutMs));
    }
    return *answer;
}

} // namespace pos::test
