// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiharness.h"

#include "support/backendcall.h"

#include "core/api/httpbackend.h"
#include "servers/common/http/httpserver.h"
#include "servers/common/inprocessbackend.h"

#include <QtTest/QTest>

namespace pos::test {

ApiHarness::ApiHarness() = default;
ApiHarness::~ApiHarness() = default;

void ApiHarness::addRows()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<Binding>("binding");
    QTest::newRow("sqlite/in-process") << Engine::Sqlite << Binding::InProcess;
    QTest::newRow("sqlite/http") << Engine::Sqlite << Binding::Http;
    QTest::newRow("postgresql/in-process") << Engine::PostgreSql << Binding::InProcess;
    QTest::newRow("postgresql/http") << Engine::PostgreSql << Binding::Http;
}

Status ApiHarness::start(ServerRole role, const std::function<void(Dispatcher &)> &bind)
{
    const Engine engine = *static_cast<const Engine *>(
            QTest::qGlobalData("engine", qMetaTypeId<Engine>()));
    const Binding binding = *static_cast<const Binding *>(
            QTest::qGlobalData("binding", qMetaTypeId<Binding>()));
    auto db = TestDatabase::create(engine);
    if (!db) {
        return fail(db.error());
    }
    m_testDb = std::move(*db);
    ServerSettings settings;
    settings.role = role;
    settings.databaseUrl = m_testDb->url();
    settings.jwtSecret = "contract-test-secret-0123456789abcdef";
    settings.storeId = role == ServerRole::Store ? m_storeId : QUuid();
    settings.storeCode = QStringLiteral("ST01");
    auto core = ServerCore::create(settings, QStringLiteral("test"), bind);
    if (!core) {
        return fail(core.error());
    }
    m_core = std::move(*core);
    if (auto admin = m_core->auth().bootstrapAdmin(QString::fromLatin1(kAdminPassword)); !admin) {
        return fail(admin.error());
    }
    if (binding == Binding::Http) {
        m_http = std::make_unique<HttpServer>(m_core->dispatcher(), HttpLimits{});
        const auto port = m_http->start(QHostAddress::LocalHost, 0);
        if (!port) {
            return fail(port.error());
        }
        m_backend = std::make_unique<HttpBackend>(
                QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(*port)));
    } else {
        m_backend = std::make_unique<InProcessBackend>(m_core->dispatcher());
    }
    return registerTerminal();
}

// A till the way one joins a store: it asks, a manager approves.
Status ApiHarness::registerTerminal()
{
    auto granted = run(QStringLiteral("request_terminal"),
                       {{QStringLiteral("id"), m_terminalId},
                        {QStringLiteral("name"), QStringLiteral("Caja de pruebas")}});
    if (!granted) {
        return fail(granted.error());
    }
    m_terminalSecret = granted->toObject().value(QStringLiteral("secret")).toString();
    if (loginAs(QStringLiteral("admin"), QString::fromLatin1(kAdminPassword)).isEmpty()) {
        return fail(ErrorCode::Unauthenticated, QStringLiteral("admin login failed"));
    }
    auto approved = run(QStringLiteral("approve_terminal"), {{QStringLiteral("id"), m_terminalId}});
    m_backend->setToken({});
    return approved ? Status() : fail(approved.error());
}

QJsonObject ApiHarness::pinParams(const QString &pin) const
{
    return {{QStringLiteral("pin"), pin},
            {QStringLiteral("terminal_id"), m_terminalId},
            {QStringLiteral("terminal_secret"), m_terminalSecret}};
}

void ApiHarness::stop()
{
    m_backend.reset();
    m_http.reset();
    m_core.reset();
    m_testDb.reset();
}

Result<QJsonValue> ApiHarness::run(const QString &command, const QJsonObject &params,
                                   const CallOptions &options)
{
    return call(*m_backend, command, params, options);
}

QJsonObject ApiHarness::keepToken(const Result<QJsonValue> &session)
{
    if (!session) {
        qWarning() << "login failed:" << session.error().message;
        return {};
    }
    m_backend->setToken(session->toObject().value(QStringLiteral("token")).toString());
    return session->toObject();
}

QJsonObject ApiHarness::loginAs(const QString &username, const QString &password)
{
    m_backend->setToken({});
    return keepToken(run(QStringLiteral("login"), {{QStringLiteral("username"), username},
                                                   {QStringLiteral("password"), password}}));
}

QJsonObject ApiHarness::loginPin(const QString &pin)
{
    m_backend->setToken({});
    return keepToken(run(QStringLiteral("login_pin"), pinParams(pin)));
}

} // namespace pos::test
