// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/db/migrations.h"
#include "core/db/transaction.h"
#include "support/testdatabase.h"
#include "support/testsupport.h"

#include <QDir>
#include <QSet>
#include <QSqlRecord>
#include <QThread>

Q_DECLARE_METATYPE(pos::Schema)

using namespace pos;
using namespace pos::test;

namespace {

// The versions a schema has: an engine's own file (NNNN_x.postgresql.sql and
// NNNN_x.sqlite.sql) is one version with its twin.
qsizetype migrationCount(Schema schema)
{
    QSet<QString> versions;
    for (const QString &set :
         {QStringLiteral("common"),
          schema == Schema::Hq ? QStringLiteral("hq") : QStringLiteral("store")}) {
        for (const QString &file : QDir(QStringLiteral(":/migrations/") + set).entryList()) {
            versions.insert(set + file.section(QLatin1Char('.'), 0, 0));
        }
    }
    return versions.size();
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 count(Database &db, const QString &table)
{
    auto conn = db.connection();
    auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

// A timestamp read back: PostgreSQL gives a QDateTime, SQLite the text that was written.
QDateTime timestampOf(const QVariant &v)
{
    return (v.metaType().id() == QMetaType::QDateTime
                    ? v.toDateTime()
                    : QDateTime::fromString(v.toString(), Qt::ISODateWithMs))
            .toUTC();
}

// The rows a sale needs around it, inserted with plain SQL so the schema is what is tested.
struct Fixture
{
    QString department = uuid();
    QString tax = uuid();
    QString product = uuid();
    QString store = uuid();
    QString reg = uuid();
    QString user = uuid();
    QString session = uuid();
    QString tender = uuid();
};

Status insertFixture(Transaction &tx, const Fixture &f)
{
    const QList<std::pair<QString, QVariantList>> statements{
            {QStringLiteral("INSERT INTO departments (id, code, name) VALUES (?, ?, ?)"),
             {f.department, QStringLiteral("BAK"), QStringLiteral("Panadería")}},
            {QStringLiteral("INSERT INTO taxes (id, code, name, rate_milli_bp, kind) VALUES (?, ?, "
                            "?, ?, ?)"),
             {f.tax, QStringLiteral("IVA16"), QStringLiteral("IVA 16 %"), 1600000,
              QStringLiteral("standard")}},
            {QStringLiteral("INSERT INTO products (id, sku, name, name_folded, department_id, "
                            "price, cost, "
                            "tax_included) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
             {f.product, QStringLiteral("PAN-1"), QStringLiteral("Pan dulce"),
              QStringLiteral("pan dulce"), f.department, 1200, 500, true}},
            {QStringLiteral("INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)"),
             {QStringLiteral("7501234567895"), f.product}},
            {QStringLiteral(
                     "INSERT INTO product_taxes (product_id, tax_id, position) VALUES (?, ?, 0)"),
             {f.product, f.tax}},
            {QStringLiteral(
                     "INSERT INTO stores (id, code, name, time_zone, currency, price_mode, "
                     "tax_scope, rounding) VALUES (?, 'ST01', 'Centro', 'America/Mexico_City', "
                     "'MXN', 'tax_inclusive', 'per_line', 'half_up')"),
             {f.store}},
            {QStringLiteral("INSERT INTO registers (id, store_id, number, name) VALUES (?, ?, 2, "
                            "'Caja 2')"),
             {f.reg, f.store}},
            {QStringLiteral(
                     "INSERT INTO users (id, username, full_name) VALUES (?, 'ana', 'Ana Ruiz')"),
             {f.user}},
            {QStringLiteral(
                     "INSERT INTO tenders (id, code, name, kind, opens_drawer, gives_change) "
                     "VALUES (?, 'CASH', 'Efectivo', 'cash', ?, ?)"),
             {f.tender, true, true}},
            {QStringLiteral("INSERT INTO register_sessions (id, store_id, register_id, cashier_id, "
                            "sequence, "
                            "business_date, opened_at, opening_float, status) "
                            "VALUES (?, ?, ?, ?, 1, '2026-11-28', '2026-11-28T14:00:00.000Z', "
                            "150000, 'open')"),
             {f.session, f.store, f.reg, f.user}},
    };
    for (const auto &[sql, values] : statements) {
        if (auto q = tx.exec(sql, values); !q) {
            return fail(q.error());
        }
    }
    return {};
}

Status insertSale(Transaction &tx, const Fixture &f, const QString &saleId, const QString &receipt,
                  qint64 quantity)
{
    auto sale = tx.exec(
            QStringLiteral(
                    "INSERT INTO sales (id, store_id, register_id, session_id, cashier_id, "
                    "receipt_number, kind, status, business_date, created_at, language, "
                    "ticket_discount, subtotal, tax_total, total, change_given) VALUES "
                    "(?, ?, ?, ?, ?, ?, 'sale', 'completed', '2026-11-28', ?, 'es', 0, 2400, 331, "
                    "2400, 0)"),
            {saleId, f.store, f.reg, f.session, f.user, receipt,
             QStringLiteral("2026-11-28T14:32:05.123Z")});
    if (!sale) {
        return fail(sale.error());
    }
    auto line = tx.exec(QStringLiteral("INSERT INTO sale_lines (id, sale_id, line_no, product_id, "
                                       "description, quantity, unit_price, discount, total) "
                                       "VALUES (?, ?, 1, ?, 'Pan dulce', ?, 1200, 0, 2400)"),
                        {uuid(), saleId, f.product, quantity});
    if (!line) {
        return fail(line.error());
    }
    return {};
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;

private slots:
    void initTestCase_data() { addEngineRows(); }

    void init()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto t = TestDatabase::create(engine);
        POS_VERIFY_OK(t);
        m_test = std::move(*t);
    }
    void cleanup() { m_test.reset(); }

    // Every migration applies once, is recorded, and a second start applies nothing.
    void migrationsApplyOnce_data()
    {
        QTest::addColumn<Schema>("schema");
        QTest::newRow("store") << Schema::Store;
        QTest::newRow("hq") << Schema::Hq;
    }
    void migrationsApplyOnce()
    {
        QFETCH(Schema, schema);
        const auto first = migrate(m_test->db(), schema);
        POS_VERIFY_OK(first);
        QCOMPARE(first->size(), migrationCount(schema));
        QCOMPARE(first->first(), QStringLiteral("common/0001_master"));
        const auto second = migrate(m_test->db(), schema);
        POS_VERIFY_OK(second);
        QVERIFY(second->isEmpty());
        QCOMPARE(count(m_test->db(), QStringLiteral("schema_migrations")), qint64(first->size()));
    }

    // Rows written through one engine read back with the same values, money exact.
    void insertAndReadBack()
    {
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        const Fixture f;
        auto tx = Transaction::begin(m_test->db());
        POS_VERIFY_OK(tx);
        POS_VERIFY_OK(insertFixture(*tx, f));
        const QString sale = uuid();
        POS_VERIFY_OK(insertSale(*tx, f, sale, QStringLiteral("ST01-02-000001"), 2000));
        POS_VERIFY_OK(tx->commit());

        auto conn = m_test->db().connection();
        auto q = exec(*conn,
                      QStringLiteral("SELECT s.total, l.quantity, p.name, s.created_at "
                                     "FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                                     "JOIN products p ON p.id = l.product_id WHERE s.id = ?"),
                      {sale});
        POS_VERIFY_OK(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toLongLong(), qint64(2400));
        QCOMPARE(q->value(1).toLongLong(), qint64(2000));
        QCOMPARE(q->value(2).toString(), QStringLiteral("Pan dulce"));
        QCOMPARE(timestampOf(q->value(3)),
                 QDateTime(QDate(2026, 11, 28), QTime(14, 32, 5, 123), Qt::UTC));
    }

    // A broken rule is a clear error with the right code, and nothing of the
    // transaction it broke in is left behind.
    void constraintViolations_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("duplicate-barcode")
                << QStringLiteral("INSERT INTO product_barcodes (barcode, product_id) "
                                  "SELECT '7501234567895', id FROM products")
                << ErrorCode::Conflict;
        QTest::newRow("duplicate-sku") << QStringLiteral("INSERT INTO products (id, sku, name, "
                                                         "name_folded, department_id, price, "
                                                         "cost, tax_included) SELECT '%1', sku, "
                                                         "name, name_folded, department_id, "
                                                         "price, cost, tax_included FROM products")
                                                  .arg(uuid())
                                       << ErrorCode::Conflict;
        QTest::newRow("unknown-department")
                << QStringLiteral(
                           "INSERT INTO products (id, sku, name, name_folded, department_id, "
                           "price, "
                           "cost, tax_included) VALUES ('%1', 'X', 'X', 'x', '%2', 1, 1, TRUE)")
                           .arg(uuid(), uuid())
                << ErrorCode::Validation;
        QTest::newRow("negative-price")
                << QStringLiteral("UPDATE products SET price = -1") << ErrorCode::Validation;
        QTest::newRow("zero-quantity")
                << QStringLiteral("UPDATE sale_lines SET quantity = 0") << ErrorCode::Validation;
        QTest::newRow("missing-name")
                << QStringLiteral("UPDATE products SET name = NULL") << ErrorCode::Validation;
        QTest::newRow("bad-kind") << QStringLiteral("UPDATE tenders SET kind = 'cheque'")
                                  << ErrorCode::Validation;
        QTest::newRow("duplicate-receipt")
                << QStringLiteral("UPDATE sales SET receipt_number = 'ST01-02-000001'")
                << ErrorCode::Conflict;
        QTest::newRow("null-id") << QStringLiteral(
                "INSERT INTO departments (id, code, name) VALUES (NULL, 'N', 'N')")
                                 << ErrorCode::Validation;
    }
    void constraintViolations()
    {
        QFETCH(QString, sql);
        QFETCH(ErrorCode, code);
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        const Fixture f;
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(insertFixture(*tx, f));
            POS_VERIFY_OK(insertSale(*tx, f, uuid(), QStringLiteral("ST01-02-000001"), 1000));
            POS_VERIFY_OK(insertSale(*tx, f, uuid(), QStringLiteral("ST01-02-000002"), 1000));
            POS_VERIFY_OK(tx->commit());
        }
        const qint64 salesBefore = count(m_test->db(), QStringLiteral("sales"));
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            // A good write first, then the bad one: the good one must not survive alone.
            POS_VERIFY_OK(insertSale(*tx, f, uuid(), QStringLiteral("ST01-02-000003"), 1000));
            const auto bad = tx->exec(sql);
            QVERIFY(!bad);
            QCOMPARE(bad.error().code, code);
            QVERIFY(!bad.error().message.isEmpty());
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("sales")), salesBefore);
        QCOMPARE(count(m_test->db(), QStringLiteral("product_barcodes")), qint64(1));
        auto conn = m_test->db().connection();
        auto price = exec(*conn, QStringLiteral("SELECT price FROM products"));
        QVERIFY(price && price->next());
        QCOMPARE(price->value(0).toLongLong(), qint64(1200));
    }

    // Leaving a scope without commit() rolls back; commit() makes it stick.
    void transactionGuard()
    {
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(tx->exec(QStringLiteral("INSERT INTO departments (id, code, name) "
                                                  "VALUES (?, 'A', 'A')"),
                                   {uuid()}));
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("departments")), qint64(0));
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(tx->exec(QStringLiteral("INSERT INTO departments (id, code, name) "
                                                  "VALUES (?, 'B', 'B')"),
                                   {uuid()}));
            auto moved = std::move(*tx); // the guard survives a move without a double rollback
            POS_VERIFY_OK(moved.commit());
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("departments")), qint64(1));
    }

    // Each thread gets its own connection; writers on two threads both land.
    void connectionPerThread()
    {
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        auto mainConn = m_test->db().connection();
        POS_VERIFY_OK(mainConn);
        QString threadConnName;
        Status threadResult;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            auto conn = m_test->db().connection();
            if (!conn) {
                threadResult = fail(conn.error());
                return;
            }
            threadConnName = conn->connectionName();
            auto tx = Transaction::begin(m_test->db());
            if (!tx) {
                threadResult = fail(tx.error());
                return;
            }
            auto q = tx->exec(
                    QStringLiteral("INSERT INTO departments (id, code, name) VALUES (?, 'T', 'T')"),
                    {uuid()});
            threadResult = q ? tx->commit() : Status(fail(q.error()));
        }));
        worker->start();
        QVERIFY(worker->wait(30000));
        POS_VERIFY_OK(threadResult);
        QVERIFY(!threadConnName.isEmpty());
        QVERIFY(threadConnName != mainConn->connectionName());
        // The thread's connection went away with the thread.
        QVERIFY(!QSqlDatabase::contains(threadConnName));
        QCOMPARE(count(m_test->db(), QStringLiteral("departments")), qint64(1));
    }

    // SQLite runs in WAL with foreign keys on; PostgreSQL sessions speak UTC.
    void connectionSettings()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto conn = m_test->db().connection();
        POS_VERIFY_OK(conn);
        if (engine == Engine::Sqlite) {
            auto wal = exec(*conn, QStringLiteral("PRAGMA journal_mode"));
            QVERIFY(wal && wal->next());
            QCOMPARE(wal->value(0).toString(), QStringLiteral("wal"));
            auto fk = exec(*conn, QStringLiteral("PRAGMA foreign_keys"));
            QVERIFY(fk && fk->next());
            QCOMPARE(fk->value(0).toInt(), 1);
        } else {
            auto tz = exec(*conn, QStringLiteral("SHOW TIME ZONE"));
            QVERIFY(tz && tz->next());
            QCOMPARE(tz->value(0).toString(), QStringLiteral("UTC"));
        }
    }

    // Values reach the database unchanged whichever way a statement runs. On PostgreSQL a
    // statement with values is prepared once per connection and run as EXECUTE; one that
    // cannot be prepared (nothing gives its parameter a type) runs with its values inlined,
    // and trying does not break the transaction it was tried in.
    void preparedStatements()
    {
        QFETCH_GLOBAL(Engine, engine);
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        auto tx = Transaction::begin(m_test->db());
        POS_VERIFY_OK(tx);
        const QString insert = QStringLiteral(
                "INSERT INTO departments (id, code, name, active) VALUES (?, ?, ?, ?)");
        const QString tricky = QStringLiteral("it's \\ ? ''quoted''");
        POS_VERIFY_OK(tx->exec(insert, {uuid(), QStringLiteral("P1"), tricky, true}));
        POS_VERIFY_OK(tx->exec(insert, {uuid(), QStringLiteral("P2"), QStringLiteral("b"), false}));
        auto untyped = tx->exec(QStringLiteral("SELECT ? IS NULL, ?"), {QVariant(), qint64(7)});
        POS_VERIFY_OK(untyped);
        QVERIFY(untyped->next());
        QCOMPARE(untyped->value(0).toBool(), true);
        QCOMPARE(untyped->value(1).toLongLong(), qint64(7));
        untyped->finish();
        POS_VERIFY_OK(tx->commit());
        auto conn = m_test->db().connection();
        POS_VERIFY_OK(conn);
        // A statement planned per call is never kept.
        for (int i = 0; i < 2; ++i) {
            POS_VERIFY_OK(exec(*conn, QStringLiteral("SELECT code FROM departments WHERE name >= ?"),
                               {QStringLiteral("a")}, Plan::PerCall));
        }
        auto back = exec(*conn,
                         QStringLiteral("SELECT name, active FROM departments WHERE code = ?"),
                         {QStringLiteral("P1")});
        POS_VERIFY_OK(back);
        QVERIFY(back->next());
        QCOMPARE(back->value(0).toString(), tricky);
        QCOMPARE(back->value(1).toBool(), true);
        back->finish();
        if (engine == Engine::PostgreSql) {
            auto kept = exec(*conn, QStringLiteral("SELECT statement FROM pg_prepared_statements"));
            POS_VERIFY_OK(kept);
            QStringList statements;
            while (kept->next()) {
                statements << kept->value(0).toString();
            }
            QVERIFY2(statements.filter(QStringLiteral("INSERT INTO departments")).size() == 1,
                     qPrintable(statements.join(u'\n')));
            QVERIFY(statements.filter(QStringLiteral("IS NULL")).isEmpty());
            QVERIFY(statements.filter(QStringLiteral("name >=")).isEmpty());
        }
    }

    // A queued write that fails is reported by commit() at the latest (at once on SQLite),
    // as the same error exec() would give, and the transaction keeps nothing; writes
    // queued before an exec() are visible to it.
    void queuedWrites()
    {
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        const QString insert = QStringLiteral(
                "INSERT INTO departments (id, code, name) VALUES (?, ?, 'Q')");
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(tx->queue(insert, {uuid(), QStringLiteral("Q1")}));
            POS_VERIFY_OK(tx->queue(insert, {uuid(), QStringLiteral("Q2")}));
            // A bulk statement (too many values to prepare, so sent as text) may end in a
            // comment without taking the next statement with it.
            QVariantList bulk;
            for (int i = 0; i < 100; ++i) {
                bulk << uuid() << QStringLiteral("B%1").arg(i) << QStringLiteral("B");
            }
            POS_VERIFY_OK(tx->queue(QStringLiteral("INSERT INTO departments (id, code, name) "
                                                   "VALUES %1 -- the bulk")
                                            .arg(QStringList(100, QStringLiteral("(?, ?, ?)"))
                                                         .join(QStringLiteral(", "))),
                                    bulk));
            POS_VERIFY_OK(tx->queue(insert, {uuid(), QStringLiteral("Q9")}));
            auto seen = tx->exec(QStringLiteral("SELECT COUNT(*) FROM departments"));
            POS_VERIFY_OK(seen);
            QVERIFY(seen->next());
            QCOMPARE(seen->value(0).toLongLong(), qint64(103));
            seen->finish();
            POS_VERIFY_OK(tx->commit());
        }
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(tx->queue(insert, {uuid(), QStringLiteral("Q3")}));
            const Status duplicate = tx->queue(insert, {uuid(), QStringLiteral("Q1")});
            const Status done = duplicate ? tx->commit() : duplicate;
            QVERIFY(!done);
            QCOMPARE(done.error().code, ErrorCode::Conflict);
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("departments")), qint64(103));
        // A connection that has prepared as many statements as it keeps starts over, but
        // not under a queued write that names one of them.
        auto tx = Transaction::begin(m_test->db());
        POS_VERIFY_OK(tx);
        POS_VERIFY_OK(tx->queue(insert, {uuid(), QStringLiteral("Q4")}));
        for (int i = 0; i < 450; ++i) {
            POS_VERIFY_OK(tx->queue(QStringLiteral("UPDATE departments SET name = ? WHERE code "
                                                   "= 'Q4' AND %1 = %1")
                                            .arg(i),
                                    {QStringLiteral("Q")}));
        }
        POS_VERIFY_OK(tx->commit());
        QCOMPARE(count(m_test->db(), QStringLiteral("departments")), qint64(104));
    }

    // Rows added through copy() read back exactly, whatever their text holds (COPY's field
    // and row separators, its escape character, its NULL marker), after the writes queued
    // before them; one taken key refuses the whole copy and its transaction keeps nothing.
    void copiedRows()
    {
        QFETCH_GLOBAL(Engine, engine);
        const bool postgres = engine == Engine::PostgreSql;
        auto conn = m_test->db().connection();
        POS_VERIFY_OK(conn);
        POS_VERIFY_OK(
                exec(*conn,
                     QStringLiteral("CREATE TABLE probe (id BIGINT PRIMARY KEY, "
                                    "label TEXT, flag BOOLEAN, ratio DOUBLE "
                                    "PRECISION, at %1, raw %2)")
                             .arg(postgres ? QStringLiteral("TIMESTAMPTZ") : QStringLiteral("TEXT"),
                                  postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"))));
        const QStringList columns{QStringLiteral("id"),   QStringLiteral("label"),
                                  QStringLiteral("flag"), QStringLiteral("ratio"),
                                  QStringLiteral("at"),   QStringLiteral("raw")};
        const QStringList labels{QStringLiteral("tab\there"),
                                 QStringLiteral("line\nbreak\r\n"),
                                 QStringLiteral("back\\slash \\N \\."),
                                 QStringLiteral("it's ''quoted''"),
                                 QStringLiteral("ñandú 12 € 🍞"),
                                 QString()};
        const QDateTime at(QDate(2026, 11, 28), QTime(14, 32, 5, 123), Qt::UTC);
        const QByteArray raw("\x00\t\n\\bytes", 9);
        QVariantList values;
        for (qsizetype i = 0; i < labels.size(); ++i) {
            values << i << labels.at(i) << (i % 2 == 0) << 0.1 * double(i) << at << raw;
        }
        values << 99 << QVariant() << QVariant() << QVariant() << QVariant() << QVariant();
        constexpr int kPlain = 20000; // several of COPY's pieces
        for (int i = 0; i < kPlain; ++i) {
            values << 1000 + i << QStringLiteral("row %1").arg(i) << true << 1.5 << at << raw;
        }
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(tx->queue(QStringLiteral("INSERT INTO probe (id, label) VALUES (?, ?)"),
                                    {-1, QStringLiteral("queued first")}));
            POS_VERIFY_OK(tx->copy(QStringLiteral("probe"), columns, values));
            POS_VERIFY_OK(tx->commit());
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("probe")), qint64(labels.size() + 2 + kPlain));
        auto back = exec(*conn, QStringLiteral("SELECT id, label, flag, ratio, at, raw, at IS "
                                               "NULL FROM probe WHERE id BETWEEN 0 AND 99 ORDER "
                                               "BY id"));
        POS_VERIFY_OK(back);
        for (qsizetype i = 0; i < labels.size(); ++i) {
            QVERIFY(back->next());
            QCOMPARE(back->value(0).toLongLong(), qint64(i));
            QCOMPARE(back->value(1).toString(), labels.at(i).isNull() ? QString("") : labels.at(i));
            QCOMPARE(back->value(2).toBool(), i % 2 == 0);
            QCOMPARE(back->value(3).toDouble(), 0.1 * double(i));
            QCOMPARE(timestampOf(back->value(4)), at);
            QCOMPARE(back->value(5).toByteArray(), raw);
        }
        QVERIFY(back->next());
        QCOMPARE(back->value(0).toLongLong(), qint64(99));
        QVERIFY(back->value(1).isNull());
        QVERIFY(back->value(6).toBool());
        QVERIFY(!back->next());
        back->finish();
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            const Status taken = tx->copy(QStringLiteral("probe"), columns,
                                          {50000, QStringLiteral("new"), true, 1.0, at, raw, 1000,
                                           QStringLiteral("taken"), true, 1.0, at, raw});
            QVERIFY(!taken);
            QCOMPARE(taken.error().code, ErrorCode::Conflict);
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("probe")), qint64(labels.size() + 2 + kPlain));
        // The same texts written as typed fields (how a pull's pages are copied) read back
        // the same; a row left short is refused before anything is sent.
        CopyRows typed(engine, 3);
        for (qsizetype i = 0; i < labels.size(); ++i) {
            typed.integer(200 + i).text(labels.at(i)).boolean(i % 2 == 0);
        }
        for (qsizetype i = 0; i < labels.size(); ++i) { // as UTF-8, the way a page holds them
            const QByteArray utf8 = labels.at(i).toUtf8();
            typed.integer(250 + i).utf8(QUtf8StringView(utf8)).boolean(i % 2 == 0);
        }
        typed.integer(299).null().null();
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            const QStringList three = columns.mid(0, 3);
            POS_VERIFY_OK(tx->copy(QStringLiteral("probe"), three, typed));
            typed.integer(300);
            QCOMPARE(tx->copy(QStringLiteral("probe"), three, typed).error().code,
                     ErrorCode::Internal);
            POS_VERIFY_OK(tx->commit());
        }
        auto typedBack = exec(*conn, QStringLiteral("SELECT label, flag FROM probe WHERE id "
                                                    "BETWEEN 200 AND 299 ORDER BY id"));
        POS_VERIFY_OK(typedBack);
        for (qsizetype i = 0; i < 2 * labels.size(); ++i) {
            const qsizetype l = i % labels.size();
            QVERIFY(typedBack->next());
            QCOMPARE(typedBack->value(0).toString(),
                     labels.at(l).isNull() ? QString("") : labels.at(l));
            QCOMPARE(typedBack->value(1).toBool(), l % 2 == 0);
        }
        QVERIFY(typedBack->next());
        QVERIFY(typedBack->value(0).isNull());
        QVERIFY(typedBack->value(1).isNull());
        QVERIFY(!typedBack->next());
        typedBack->finish();
        const Status uneven = copyRows(*conn, QStringLiteral("probe"), columns, {1, 2});
        QVERIFY(!uneven);
        QCOMPARE(uneven.error().code, ErrorCode::Internal);
    }

    // Why: a caller that went past a failed statement must not be told its transaction was
    // saved. PostgreSQL ends such a transaction at COMMIT with a ROLLBACK and no error, so
    // commit() reports the failure and nothing is kept. SQLite fails only the statement;
    // its COMMIT keeps the statements that succeeded, which is what their callers saw.
    void commitAfterFailure()
    {
        QFETCH_GLOBAL(Engine, engine);
        POS_VERIFY_OK(migrate(m_test->db(), Schema::Store));
        const QString insert = QStringLiteral(
                "INSERT INTO departments (id, code, name) VALUES (?, ?, 'F')");
        {
            auto tx = Transaction::begin(m_test->db());
            POS_VERIFY_OK(tx);
            POS_VERIFY_OK(tx->exec(insert, {uuid(), QStringLiteral("F1")}));
            QVERIFY(!tx->exec(insert, {uuid(), QStringLiteral("F1")}));
            const Status committed = tx->commit();
            QCOMPARE(committed.has_value(), engine == Engine::Sqlite);
        }
        QCOMPARE(count(m_test->db(), QStringLiteral("departments")),
                 engine == Engine::Sqlite ? qint64(1) : qint64(0));
    }

    // Two servers starting at once on one database both come up with one schema.
    void concurrentMigrations()
    {
        Result<QStringList> a;
        Result<QStringList> b;
        auto second = Database::open(m_test->url());
        POS_VERIFY_OK(second);
        std::unique_ptr<QThread> t1(
                QThread::create([&] { a = migrate(m_test->db(), Schema::Store); }));
        std::unique_ptr<QThread> t2(QThread::create([&] { b = migrate(**second, Schema::Store); }));
        t1->start();
        t2->start();
        QVERIFY(t1->wait(60000));
        QVERIFY(t2->wait(60000));
        POS_VERIFY_OK(a);
        POS_VERIFY_OK(b);
        QCOMPARE(a->size() + b->size(), migrationCount(Schema::Store));
    }

    // A bad DATABASE_URL is refused with a message that says what a good one looks like.
    void badUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("scheme") << "mysql://x@y/z";
        QTest::newRow("sqlite-no-path") << "sqlite://";
        QTest::newRow("pg-no-db") << "postgresql://user@host:5432/";
        QTest::newRow("garbage") << "not a url";
    }
    void badUrls()
    {
        QFETCH(QString, url);
        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::Validation);
    }

    // An unreachable server is "unavailable" (retry later), not an internal error.
    void unreachableServer()
    {
        QFETCH_GLOBAL(Engine, engine);
        const QString url = engine == Engine::Sqlite
                                    ? QStringLiteral("sqlite:///nonexistent-dir/x/y.db")
                                    : QStringLiteral("postgresql://postgres@127.0.0.1:1/none");
        const auto db = Database::open(url);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
