// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"
#include "core/model/json.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>

#include <functional>

namespace pos {

// A second credential for one call: a manager's PIN authorising what the cashier may not.
struct CallOptions
{
    QString overridePin;
};

// How screens reach data. A command runs by name with its parameters (path parameters,
// then query or body fields, in one object) and answers later, on the caller's thread.
// HttpBackend sends it to a server; InProcessBackend runs the same service in-process.
class Backend : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QJsonValue>)>;

    using QObject::QObject;
    ~Backend() override = default;

    virtual void execute(const QString &command, const QJsonObject &params, Done done,
                         const CallOptions &options = {})
            = 0;

    // The bearer token subsequent calls carry (from a login answer).
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }

private:
    QString m_token;
};

// A command's answer as the model it carries: the call's error, or the decoding's.
template<typename T>
Result<T> decode(const Result<QJsonValue> &answer)
{
    if (!answer) {
        return fail(answer.error());
    }
    return json::parse<T>(*answer);
}

} // namespace pos
