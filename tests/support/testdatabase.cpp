// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdatabase.h"

#include <QSqlDatabase>
#include <QUuid>
#include <QtTest/QTest>

namespace pos::test {

namespace {

// Runs one statement on the cluster's maintenance database with a short-lived connection.
Status adminExec(const QString &adminUrl, const QString &sql)
{
    auto admin = Database::open(adminUrl);
    if (!admin) {
        return fail(admin.error());
    }
    auto conn = (*admin)->connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, sql);
    if (!q) {
        return fail(q.error());
    }
    return {};
}

} // namespace

Result<std::unique_ptr<TestDatabase>> TestDatabase::create(Engine engine)
{
    std::unique_ptr<TestDatabase> t(new TestDatabase);
    if (engine == Engine::Sqlite) {
        t->m_dir = std::make_unique<QTemporaryDir>();
        t->m_url = QStringLiteral("sqlite://") + t->m_dir->filePath(QStringLiteral("test.db"));
    } else {
        t->m_adminUrl = qEnvironmentVariable("POS_TEST_PG_URL");
        if (t->m_adminUrl.isEmpty()) {
            return fail(ErrorCode::Unavailable,
                        QStringLiteral("POS_TEST_PG_URL is not set: run the tests with ./pos test, "
                                       "which starts a private PostgreSQL cluster"));
        }
        auto admin = DatabaseUrl::parse(t->m_adminUrl);
        if (!admin) {
            return fail(admin.error());
        }
        t->m_pgName = QStringLiteral("pos_test_") + QUuid::createUuid().toString(QUuid::Id128);
        if (auto ok = adminExec(t->m_adminUrl, QStringLiteral("CREATE DATABASE ") + t->m_pgName);
            !ok) {
            return fail(ok.error());
        }
        t->m_url = admin->withName(t->m_pgName).toString();
    }
    auto db = Database::open(t->m_url);
    if (!db) {
        return fail(db.error());
    }
    t->m_db = std::move(*db);
    return t;
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        const auto dropped = adminExec(m_adminUrl,
                                       QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                               .arg(m_pgName));
        if (!dropped) {
            qWarning() << "could not drop" << m_pgName << dropped.error().message;
        }
    }
}

void addEngineRows()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("sqlite") << Engine::Sqlite;
    QTest::newRow("postgresql") << Engine::PostgreSql;
}

} // namespace pos::test
