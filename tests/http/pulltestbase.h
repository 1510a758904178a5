// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the pull tests share: an HQ to pull from, its pages read over the test's binding,
// and store databases to apply them to.
#include "servers/common/migrationsteps.h"
#include "servers/common/sync/applychanges.h"
#include "support/apiharness.h"
#include "support/records.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QUuid>

namespace pos::test {

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

class PullTestBase : public QObject
{
protected:
    ApiHarness m_api;

    // HQ started and its admin logged in: each test's init().
    void startHq()
    {
        POS_VERIFY_OK(m_api.start(ServerRole::Hq));
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
    }

    QJsonObject pull(const QString &cursor, int limit)
    {
        const auto page = m_api.run(QStringLiteral("get_changes"),
                                    {{QStringLiteral("cursor"), cursor},
                                     {QStringLiteral("limit"), QString::number(limit)}});
        return page ? page->toObject()
                    : QJsonObject{{QStringLiteral("error"), page.error().message}};
    }

    // Every change after `cursor`, page by page; the cursor ends where the last page left.
    QJsonArray pullAll(QString &cursor, int limit)
    {
        QJsonArray all;
        for (int pages = 0; pages < 1000; ++pages) {
            const QJsonObject page = pull(cursor, limit);
            for (const auto &c : page.value(QStringLiteral("changes")).toArray()) {
                all.append(c);
            }
            cursor = page.value(QStringLiteral("next_cursor")).toString();
            if (!page.value(QStringLiteral("more")).toBool()) {
                break;
            }
        }
        return all;
    }

    // Applies every page after `cursor` to a store's database, `limit` rows a page.
    void pullInto(Database &store, QString &cursor, int limit, PullKind kind = PullKind::Later)
    {
        for (int pages = 0; pages < 100; ++pages) {
            const QJsonObject page = pull(cursor, limit);
            POS_VERIFY_OK(applyChanges(store, page, QDateTime::currentDateTimeUtc(), kind));
            cursor = page.value(QStringLiteral("next_cursor")).toString();
            if (!page.value(QStringLiteral("more")).toBool()) {
                return;
            }
        }
        QFAIL("the pull did not end within 100 pages");
    }

    // A store's database with every migration applied, as a store server starts on it.
    static Result<std::unique_ptr<TestDatabase>> migratedStore(Engine engine)
    {
        auto db = TestDatabase::create(engine);
        if (!db) {
            return db;
        }
        const auto migrated = migrate((*db)->db(), Schema::Store, migrationSteps());
        return migrated ? std::move(db) : fail(migrated.error());
    }

    void putDepartment(const QString &id, const QString &code)
    {
        POS_VERIFY_OK(m_api.run(QStringLiteral("put_department"),
                                departmentRecord(id, code, QStringLiteral("Dept ") + code)));
    }
};

} // namespace pos::test
