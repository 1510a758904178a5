// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk copies whose foreign keys are checked once per key instead of row by row (HQ's
// ingest of pushed sales): the same rows go in or stay out as with the triggers, a missing
// key is named, and a parent named by copied rows cannot be deleted before they commit.
#include "servers/common/sync/keyedcopy.h"
#include "support/testdatabase.h"
#include "support/testsupport.h"

#include <QTest>

#include <thread>

using namespace pos;
using namespace pos::test;

namespace {

qint64 scalar(Database &db, const QString &sql)
{
    auto conn = db.connection();
    auto q = conn ? exec(*conn, sql) : Result<QSqlQuery>(fail(conn.error()));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

// A parent, and children naming it and each other (as a return's lines name sold lines).
const QStringList
        kSchema{QStringLiteral("CREATE TABLE shelf (id TEXT PRIMARY KEY)"),
                QStringLiteral(
                        "CREATE TABLE item (id TEXT PRIMARY KEY, shelf_id TEXT NOT NULL "
                        "REFERENCES shelf (id), twin_id TEXT REFERENCES item (id), label TEXT)"),
                QStringLiteral("CREATE TABLE note (item TEXT NOT NULL REFERENCES item (id), "
                               "body TEXT)"),
                QStringLiteral("INSERT INTO shelf (id) VALUES ('s1'), ('s2')"),
                QStringLiteral("INSERT INTO item (id, shelf_id) VALUES ('old', 's1')")};

const QStringList kItemColumns{QStringLiteral("id"), QStringLiteral("shelf_id"),
                               QStringLiteral("twin_id"), QStringLiteral("label")};

TableRows rowsOf(Engine engine, const QString &table, const QStringList &columns,
                 const QVariantList &values)
{
    TableRows rows(engine, table, columns);
    for (const QVariant &v : values) {
        rows.value(v);
    }
    return rows;
}

// New shelves and items; `shelfOfLast` is the shelf the last item names.
QList<TableRows> batch(Engine engine, const QString &shelfOfLast)
{
    return {rowsOf(engine, QStringLiteral("shelf"), {QStringLiteral("id")}, {QStringLiteral("s3")}),
            rowsOf(engine, QStringLiteral("item"), kItemColumns,
                   {QStringLiteral("a"), QStringLiteral("s3"), QVariant(),
                    QStringLiteral("new shelf"), QStringLiteral("b"), QStringLiteral("s1"),
                    QStringLiteral("a"), QStringLiteral("twin in the batch"), QStringLiteral("c"),
                    QStringLiteral("s2"), QStringLiteral("old"),
                    QStringLiteral("twin stored before"), QStringLiteral("d"), shelfOfLast,
                    QVariant(), QStringLiteral("last")})};
}

} // namespace

class TestKeyedCopy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;

    // Runs the batch in a transaction of its own, committed when it goes in.
    Status copyAndCommit(const QList<TableRows> &rows, const QString &role = {})
    {
        auto tx = Transaction::begin(m_test->db());
        if (!tx) {
            return fail(tx.error());
        }
        if (!role.isEmpty()) {
            if (auto as = tx->exec(QStringLiteral("SET LOCAL ROLE ") + role); !as) {
                return fail(as.error());
            }
        }
        const Status ok = copyCheckingKeysOnce(*tx, rows);
        return ok ? tx->commit() : ok;
    }

private slots:
    void initTestCase_data() { addEngineRows(); }

    void init()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto t = TestDatabase::create(engine);
        POS_VERIFY_OK(t);
        m_test = std::move(*t);
        auto conn = m_test->db().connection();
        POS_VERIFY_OK(conn);
        for (const QString &sql : kSchema) {
            POS_VERIFY_OK(exec(*conn, sql));
        }
    }
    void cleanup() { m_test.reset(); }

    // Why: rows whose keys all hold must go in whole, keys met inside the batch included.
    void rowsWhoseKeysHoldGoIn()
    {
        POS_VERIFY_OK(copyAndCommit(batch(m_test->db().engine(), QStringLiteral("s1"))));
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM item")), 5);
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM item WHERE twin_id "
                                                     "= 'a' AND shelf_id = 's1'")),
                 1);
    }

    // Why: a row naming what does not exist must fail the copy, which leaves nothing.
    void aMissingKeyFailsTheCopy()
    {
        QFETCH_GLOBAL(Engine, engine);
        const Status missing = copyAndCommit(
                batch(m_test->db().engine(), QStringLiteral("nowhere")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Validation);
        if (engine == Engine::PostgreSql) { // checked by us there, and named
            QVERIFY2(missing.error().message.contains(QLatin1String("nowhere")),
                     qPrintable(missing.error().message));
        }
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM item")), 1);
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM shelf")), 2);
    }

    // Why: only `id` and `*_id` columns keep their values for the check; a key on any other
    // column (note.item) must still be checked, by the triggers, and never skipped.
    void aKeyOnAnotherColumnIsStillChecked()
    {
        const Engine engine = m_test->db().engine();
        const Status missing = copyAndCommit(
                {rowsOf(engine, QStringLiteral("note"),
                        {QStringLiteral("item"), QStringLiteral("body")},
                        {QStringLiteral("old"), QStringLiteral("kept"), QStringLiteral("nowhere"),
                         QStringLiteral("dangling")})});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Validation);
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM note")), 0);
        POS_VERIFY_OK(copyAndCommit({rowsOf(engine, QStringLiteral("note"),
                                            {QStringLiteral("item"), QStringLiteral("body")},
                                            {QStringLiteral("old"), QStringLiteral("kept")})}));
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM note")), 1);
    }

    // Why: a role that may not switch the triggers off still copies, checked row by row.
    void aRoleWithoutTheRightUsesTheTriggers()
    {
        QFETCH_GLOBAL(Engine, engine);
        if (engine != Engine::PostgreSql) {
            QSKIP("roles are PostgreSQL's");
        }
        auto conn = m_test->db().connection();
        POS_VERIFY_OK(conn);
        POS_VERIFY_OK(exec(*conn, QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM "
                                                 "pg_roles WHERE rolname = 'pos_plain') THEN "
                                                 "CREATE ROLE pos_plain; END IF; END $$")));
        POS_VERIFY_OK(exec(*conn, QStringLiteral("GRANT SELECT, INSERT, UPDATE ON shelf, item "
                                                 "TO pos_plain")));
        const Status missing = copyAndCommit(batch(m_test->db().engine(),
                                                   QStringLiteral("nowhere")),
                                             "pos_plain");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Validation); // the trigger's refusal
        POS_VERIFY_OK(
                copyAndCommit(batch(m_test->db().engine(), QStringLiteral("s2")), "pos_plain"));
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM item")), 5);
    }

    // Why: the triggers lock each parent a new row names until it commits, so that no one
    // deletes it meanwhile; checking once per key must hold the same locks.
    void namedParentsCannotBeDeletedMeanwhile()
    {
        QFETCH_GLOBAL(Engine, engine);
        if (engine != Engine::PostgreSql) {
            QSKIP("SQLite has one writer at a time: nothing can delete meanwhile");
        }
        auto tx = Transaction::begin(m_test->db());
        POS_VERIFY_OK(tx);
        POS_VERIFY_OK(
                copyCheckingKeysOnce(*tx, batch(m_test->db().engine(), QStringLiteral("s2"))));
        Status deleted;
        std::thread other([this, &deleted] {
            auto conn = m_test->db().connection();
            auto timeout = conn ? exec(*conn, QStringLiteral("SET lock_timeout = '200ms'"))
                                : Result<QSqlQuery>(fail(conn.error()));
            auto q = timeout ? exec(*conn, QStringLiteral("DELETE FROM shelf WHERE id = 's2'"))
                             : timeout;
            deleted = q ? Status{} : Status(fail(q.error()));
        });
        other.join();
        QVERIFY2(!deleted, "the parent was deleted under the new rows");
        POS_VERIFY_OK(tx->commit());
        QCOMPARE(scalar(m_test->db(), QStringLiteral("SELECT COUNT(*) FROM shelf")), 3);
    }
};

QTEST_GUILESS_MAIN(TestKeyedCopy)
#include "tst_keyedcopy.moc"
