// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "support/testdatabase.h"

#include "core/api/backend.h"
#include "servers/common/servercore.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace pos {
class HttpServer;
}

namespace pos::test {

enum class Binding { InProcess, Http };

// A server core on a fresh database, reached through one binding: what every API test
// needs. Adds the four initTestCase_data rows (engine × binding) these tests run under.
class ApiHarness
{
public:
    static constexpr const char *kAdminPassword = "admin-password-1";

    ApiHarness();
    ~ApiHarness();

    static void addRows();
    // Builds the server for the current global data row. Extra services (the store's)
    // are bound through `bind`.
    Status start(ServerRole role, const std::function<void(Dispatcher &)> &bind = {});
    void stop();

    Result<QJsonValue> run(const QString &command, const QJsonObject &params = {},
                           const CallOptions &options = {});
    // Logs in with a password and keeps the token; returns the session (empty on failure).
    QJsonObject loginAs(const QString &username, const QString &password);
    // Logs in with a PIN on the harness's registered terminal and keeps the token.
    QJsonObject loginPin(const QString &pin);
    // The login_pin parameters for `pin` on that terminal.
    QJsonObject pinParams(const QString &pin) const;

    ServerCore &core() { return *m_core; }
    Backend &backend() { return *m_backend; }
    Database &db() { return m_core->database(); }
    QUuid storeId() const { return m_storeId; }

private:
    QJsonObject keepToken(const Result<QJsonValue> &session);
    Status registerTerminal();

    std::unique_ptr<TestDatabase> m_testDb;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<Backend> m_backend;
    QUuid m_storeId = QUuid::createUuid();
    QString m_terminalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString m_terminalSecret;
};

} // namespace pos::test

Q_DECLARE_METATYPE(pos::test::Binding)
