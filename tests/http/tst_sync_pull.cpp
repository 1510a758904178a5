// SPDX-License-Identifier: GPL-3.0-or-later
// Pulling master data: every row exactly once, in commit order, page by page; a changed
// row comes again; another database's cursor means resnapshot; and on PostgreSQL, two
// writers that commit out of order both reach the puller. A store's first pull of a big
// catalog, with its keys and indexes set aside, is tst_sync_firstpull.
#include "pulltestbase.h"

#include "servers/common/sync/masterversion.h"

#include <QJsonArray>
#include <functional>

using namespace pos;
using namespace pos::test;

class SyncPullTest : public PullTestBase
{
    Q_OBJECT

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init() { startHq(); }
    void cleanup() { m_api.stop(); }

    // Small pages still deliver each row once, versions never go back, and the last page
    // ends at the high water.
    void everyRowOnceInOrder()
    {
        QStringList written;
        for (int i = 0; i < 23; ++i) {
            written << newId();
            putDepartment(written.last(), QStringLiteral("D%1").arg(i));
        }
        QString cursor;
        const QJsonArray all = pullAll(cursor, 4);
        QStringList seen;
        qint64 last = -1;
        for (const auto &v : all) {
            const QJsonObject c = v.toObject();
            QVERIFY(c.value(QStringLiteral("version")).toInteger() >= last);
            last = c.value(QStringLiteral("version")).toInteger();
            if (c.value(QStringLiteral("table")).toString() == QLatin1String("departments")) {
                seen << c.value(QStringLiteral("id")).toString();
            }
        }
        QCOMPARE(seen, written); // each once, in the order they were committed
        QCOMPARE(pull(cursor, 4).value(QStringLiteral("high_water")).toInteger(), last);
        QCOMPARE(pull(cursor, 4).value(QStringLiteral("changes")).toArray().size(), 0);
    }

    // A row changed after the store pulled it comes again, with its new content, once.
    void changedRowComesAgain()
    {
        const QString id = newId();
        putDepartment(id, QStringLiteral("BAK"));
        QString cursor;
        pullAll(cursor, 50);
        POS_VERIFY_OK(m_api.run(QStringLiteral("put_department"),
                                departmentRecord(id, QStringLiteral("BAK"), QStringLiteral("Bakery"),
                                                 QStringLiteral("#F4C17A"))));
        const QJsonArray again = pullAll(cursor, 50);
        QCOMPARE(again.size(), 1);
        const QJsonObject row = again.at(0).toObject().value(QStringLiteral("row")).toObject();
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Bakery"));
        QCOMPARE(row.value(QStringLiteral("active")).toBool(), true);
    }

    // A cursor this database never gave (a restore, another HQ) asks for a resnapshot and
    // gets the first page.
    void foreignCursorResnapshots()
    {
        putDepartment(newId(), QStringLiteral("X1"));
        const QJsonObject page = pull(QStringLiteral("another-epoch:99:0:x"), 100);
        QVERIFY(page.value(QStringLiteral("resnapshot")).toBool());
        QVERIFY(!page.value(QStringLiteral("changes")).toArray().isEmpty());
        QVERIFY(!pull(QString(), 100).value(QStringLiteral("resnapshot")).toBool());
    }

    // HQ lists its stores and registers like any master data, and a store written at HQ
    // flows down with the rest.
    void storesAndRegistersListed()
    {
        for (const char *code : {"ST01", "ST02"}) {
            const QString store = newId();
            POS_VERIFY_OK(
                    m_api.run(QStringLiteral("put_store"),
                              storeRecord(store, QString::fromLatin1(code),
                                          QStringLiteral("Tienda ") + QString::fromLatin1(code))));
            POS_VERIFY_OK(m_api.run(QStringLiteral("put_register"),
                                    {{QStringLiteral("id"), newId()},
                                     {QStringLiteral("store_id"), store},
                                     {QStringLiteral("number"), 1},
                                     {QStringLiteral("name"), QStringLiteral("Caja 1")},
                                     {QStringLiteral("active"), true}}));
        }
        const auto all = m_api.run(QStringLiteral("get_stores"),
                                   {{QStringLiteral("q"), QStringLiteral("st0")}});
        POS_VERIFY_OK(all);
        QCOMPARE(all->toObject().value(QStringLiteral("items")).toArray().size(), 2);
        const auto one = m_api.run(QStringLiteral("get_stores"),
                                   {{QStringLiteral("q"), QStringLiteral("ST02")}});
        POS_VERIFY_OK(one);
        QCOMPARE(one->toObject()
                         .value(QStringLiteral("items"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                 QStringLiteral("Tienda ST02"));
        const auto registers = m_api.run(QStringLiteral("get_registers"));
        POS_VERIFY_OK(registers);
        QCOMPARE(registers->toObject().value(QStringLiteral("items")).toArray().size(), 2);
        QString cursor;
        int stores = 0;
        for (const auto &c : pullAll(cursor, 100)) {
            if (c.toObject().value(QStringLiteral("table")).toString() == QLatin1String("stores")) {
                ++stores;
            }
        }
        QCOMPARE(stores, 2);
    }

    // Two writers: the one that started first commits last. A sequence handed out at
    // insert would give it the smaller number, behind a cursor that already moved past;
    // the version taken at the end, in commit order, does not.
    void outOfOrderCommitsBothArrive()
    {
        if (m_api.db().engine() != Engine::PostgreSql) {
            QSKIP("SQLite lets one writer at a time: there is no out-of-order commit to test");
        }
        QString cursor;
        pullAll(cursor, 100);
        auto mine = m_api.db().connection();
        POS_VERIFY_OK(mine);
        const QSqlDatabase first = QSqlDatabase::cloneDatabase(*mine, QStringLiteral("first"));
        const QSqlDatabase second = QSqlDatabase::cloneDatabase(*mine, QStringLiteral("second"));
        for (QSqlDatabase db : {first, second}) {
            QVERIFY(db.open());
        }
        const QString early = newId();
        const QString late = newId();
        const auto insert = [](QSqlDatabase db, const QString &id, const QString &code) {
            return exec(db,
                        QStringLiteral("INSERT INTO departments (id, code, name) VALUES (?, ?, ?)"),
                        {id, code, code});
        };
        QVERIFY(QSqlDatabase(first).transaction());
        POS_VERIFY_OK(insert(first, early, QStringLiteral("EARLY")));
        QVERIFY(QSqlDatabase(second).transaction());
        POS_VERIFY_OK(insert(second, late, QStringLiteral("LATE")));
        POS_VERIFY_OK(
                stampMasterVersion(second, QStringLiteral("departments"), QUuid::fromString(late)));
        QVERIFY(QSqlDatabase(second).commit());
        const QJsonArray between = pullAll(cursor, 100);
        QCOMPARE(between.size(), 1);
        QCOMPARE(between.at(0).toObject().value(QStringLiteral("id")).toString(), late);
        POS_VERIFY_OK(
                stampMasterVersion(first, QStringLiteral("departments"), QUuid::fromString(early)));
        QVERIFY(QSqlDatabase(first).commit());
        const QJsonArray after = pullAll(cursor, 100);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.at(0).toObject().value(QStringLiteral("id")).toString(), early);
        for (QSqlDatabase db : {first, second}) {
            db.close(); // before the test database is dropped
        }
    }

    // Why: an HQ restored from a backup has lost rows; a store must not keep selling them.
    // The restore is a new epoch: the store's old cursor gets a resnapshot, and what HQ no
    // longer has becomes a tombstone at the store. A code the store made locally yields to
    // HQ's row with the same code (HQ wins) instead of blocking the pull.
    void resnapshotAndHqWinsAtTheStore()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto store = migratedStore(engine);
        POS_VERIFY_OK(store);
        const QString kept = newId();
        const QString lost = newId();
        putDepartment(kept, QStringLiteral("KEEP"));
        putDepartment(lost, QStringLiteral("LOST"));
        auto conn = (*store)->db().connection();
        POS_VERIFY_OK(conn);
        const QString local = newId();
        POS_VERIFY_OK(exec(*conn,
                           QStringLiteral("INSERT INTO departments (id, code, name) VALUES (?, "
                                          "'KEEP', 'made at the store')"),
                           {local}));
        QString cursor;
        const auto applyAll = [&] {
            pullInto((*store)->db(), cursor, 1);
        };
        applyAll();
        const auto deleted = [&](const QString &id) {
            auto q = exec(*conn,
                          QStringLiteral("SELECT deleted, code FROM departments WHERE id = ?"),
                          {id});
            return q && q->next() ? QStringLiteral("%1 %2")
                                            .arg(q->value(0).toBool() ? QStringLiteral("true")
                                                                      : QStringLiteral("false"))
                                            .arg(q->value(1).toString())
                                  : QStringLiteral("absent");
        };
        QCOMPARE(deleted(kept), QStringLiteral("false KEEP"));
        QCOMPARE(deleted(local), QStringLiteral("true KEEP~") + local.left(8));
        // The restore: LOST is gone at HQ and the database is another incarnation.
        auto hq = m_api.db().connection();
        POS_VERIFY_OK(hq);
        POS_VERIFY_OK(exec(*hq, QStringLiteral("DELETE FROM departments WHERE id = ?"), {lost}));
        POS_VERIFY_OK(exec(*hq, QStringLiteral("UPDATE sync_epoch SET epoch = ?"), {newId()}));
        QCOMPARE(deleted(lost), QStringLiteral("false LOST"));
        applyAll();
        QCOMPARE(deleted(lost), QStringLiteral("true LOST"));
        QCOMPARE(deleted(kept), QStringLiteral("false KEEP"));
    }

    // Why: compound taxes apply in their order, so a product's taxes reach the store in
    // the order HQ has them, not in the order of their ids (the taxes' key) or of any
    // index; barcodes, a set, come sorted. Both lists are read in order from a subquery.
    void productListsKeepTheirOrder()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto store = migratedStore(engine);
        POS_VERIFY_OK(store);
        const QString department = newId();
        putDepartment(department, QStringLiteral("ORD"));
        QStringList taxes{newId(), newId(), newId()};
        taxes.sort();
        std::ranges::reverse(taxes); // against the key's order
        for (const QString &tax : taxes) {
            POS_VERIFY_OK(m_api.run(QStringLiteral("put_tax"),
                                    taxRecord(tax, QStringLiteral("T") + tax.left(6),
                                              QStringLiteral("0"))));
        }
        const QString id = newId();
        POS_VERIFY_OK(m_api.run(QStringLiteral("put_product"),
                                productRecord({.id = id,
                                               .sku = QStringLiteral("ORD-1"),
                                               .name = QStringLiteral("Ordered"),
                                               .department = department,
                                               .barcodes = {QStringLiteral("7501000000036"),
                                                            QStringLiteral("7501000000012")},
                                               .taxIds = QJsonArray::fromStringList(taxes),
                                               .price = 100,
                                               .cost = 50})));
        QString cursor;
        QJsonObject row;
        for (const auto &c : pullAll(cursor, 500)) {
            if (c.toObject().value(QStringLiteral("id")).toString() == id) {
                row = c.toObject().value(QStringLiteral("row")).toObject();
            }
        }
        QCOMPARE(row.value(QStringLiteral("tax_ids")).toArray(), QJsonArray::fromStringList(taxes));
        QCOMPARE(row.value(QStringLiteral("barcodes")).toArray(),
                 (QJsonArray{QStringLiteral("7501000000012"), QStringLiteral("7501000000036")}));
        QString start;
        pullInto((*store)->db(), start, 500, PullKind::First);
        auto conn = (*store)->db().connection();
        POS_VERIFY_OK(conn);
        auto q = exec(*conn,
                      QStringLiteral("SELECT tax_id FROM product_taxes WHERE product_id = ? "
                                     "ORDER BY position"),
                      {id});
        POS_VERIFY_OK(q);
        QStringList stored;
        while (q->next()) {
            stored << q->value(0).toString();
        }
        QCOMPARE(stored, taxes);
    }

    // Why: a store selling from its pulled catalog must find a product by its barcodes and
    // name as HQ has them now. A first pull adds the rows (by copy), a later one replaces a
    // product's barcodes, taxes and search words; a barcode a store-made product held goes
    // to HQ's product; a row that comes twice in one page is written as it came last.
    void productListsFollowHq()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto store = migratedStore(engine);
        POS_VERIFY_OK(store);
        const QString department = newId();
        const QString tax = newId();
        putDepartment(department, QStringLiteral("BAK"));
        POS_VERIFY_OK(m_api.run(QStringLiteral("put_tax"),
                                taxRecord(tax, QStringLiteral("IVA0"), QStringLiteral("0"))));
        const QString id = newId();
        const auto putProduct = [&](const QString &name, const QJsonArray &barcodes) {
            POS_VERIFY_OK(m_api.run(QStringLiteral("put_product"),
                                    productRecord({.id = id,
                                                   .sku = QStringLiteral("PAN-1"),
                                                   .name = name,
                                                   .department = department,
                                                   .barcodes = barcodes,
                                                   .taxIds = QJsonArray{tax},
                                                   .price = 1200,
                                                   .cost = 500})));
        };
        QString cursor;
        const auto applyAll = [&] {
            pullInto((*store)->db(), cursor, 500);
        };
        auto conn = (*store)->db().connection();
        POS_VERIFY_OK(conn);
        const auto listOf = [&](const QString &sql, const QString &owner) {
            QStringList found;
            auto q = exec(*conn, sql, {owner});
            while (q && q->next()) {
                found << q->value(0).toString();
            }
            found.sort();
            return found.join(u' ');
        };
        const QString barcodes = QStringLiteral(
                "SELECT barcode FROM product_barcodes WHERE product_id = ?");
        const QString words = QStringLiteral("SELECT word FROM product_words WHERE product_id = ?");
        putProduct(QStringLiteral("Pan dulce"), {QStringLiteral("7501000000012")});
        applyAll();
        QCOMPARE(listOf(barcodes, id), QStringLiteral("7501000000012"));
        QCOMPARE(listOf(words, id), QStringLiteral("dulce pan"));
        QCOMPARE(listOf(QStringLiteral("SELECT tax_id FROM product_taxes WHERE product_id = ?"), id),
                 tax);
        const QString local = newId();
        POS_VERIFY_OK(exec(*conn,
                           QStringLiteral("INSERT INTO products (id, sku, name, name_folded, "
                                          "department_id, price, cost, tax_included) VALUES (?, "
                                          "'LOCAL-1', 'Made here', 'made here', ?, 100, 50, TRUE)"),
                           {local, department}));
        POS_VERIFY_OK(exec(*conn,
                           QStringLiteral("INSERT INTO product_barcodes (barcode, product_id) "
                                          "VALUES ('7501000000029', ?)"),
                           {local}));
        putProduct(QStringLiteral("Bolillo blanco"),
                   {QStringLiteral("7501000000029"), QStringLiteral("7501000000036")});
        applyAll();
        QCOMPARE(listOf(barcodes, id), QStringLiteral("7501000000029 7501000000036"));
        QCOMPARE(listOf(barcodes, local), QString());
        QCOMPARE(listOf(words, id), QStringLiteral("blanco bolillo"));
        // The same product twice in one page: the later change is the one kept.
        QString start;
        const QJsonObject page = pull(start, 500);
        QJsonArray changes;
        for (const auto &v : page.value(QStringLiteral("changes")).toArray()) {
            if (v.toObject().value(QStringLiteral("id")).toString() != id) {
                continue;
            }
            QJsonObject twice = v.toObject();
            QJsonObject row = twice.value(QStringLiteral("row")).toObject();
            changes << twice;
            row.insert(QStringLiteral("name"), QStringLiteral("Concha de vainilla"));
            twice.insert(QStringLiteral("row"), row);
            changes << twice;
        }
        QCOMPARE(changes.size(), 2);
        QJsonObject doubled = page;
        doubled.insert(QStringLiteral("changes"), changes);
        doubled.insert(QStringLiteral("more"), true);
        POS_VERIFY_OK(applyChanges((*store)->db(), doubled, QDateTime::currentDateTimeUtc()));
        QCOMPARE(listOf(QStringLiteral("SELECT name FROM products WHERE id = ?"), id),
                 QStringLiteral("Concha de vainilla"));
        QCOMPARE(listOf(words, id), QStringLiteral("concha de vainilla"));
        // A row that leaves its lists out has none (read in place, a missing list must
        // not be read as an array).
        QJsonObject bare = changes.last().toObject();
        QJsonObject bareRow = bare.value(QStringLiteral("row")).toObject();
        bareRow.remove(QStringLiteral("barcodes"));
        bareRow.remove(QStringLiteral("tax_ids"));
        bare.insert(QStringLiteral("row"), bareRow);
        doubled.insert(QStringLiteral("changes"), QJsonArray{bare});
        POS_VERIFY_OK(applyChanges((*store)->db(), doubled, QDateTime::currentDateTimeUtc()));
        QCOMPARE(listOf(barcodes, id), QString());
        QCOMPARE(listOf(words, id), QStringLiteral("concha de vainilla"));
    }

    // Why: a store must hold the password and PIN hashes of its own staff only. Staff of
    // no store in particular come to every store; a cashier of another store comes as a
    // tombstone without hashes.
    void storesGetTheirOwnStaff()
    {
        const QString here = newId();
        const QString there = newId();
        for (const auto &[id, code] : {std::pair{here, "ST01"}, std::pair{there, "ST02"}}) {
            POS_VERIFY_OK(m_api.run(QStringLiteral("put_store"),
                                    storeRecord(id, QString::fromLatin1(code),
                                                QString::fromLatin1(code))));
        }
        for (const auto &[name, store] : {std::pair{"ana", here}, std::pair{"bea", there}}) {
            const QString id = newId();
            POS_VERIFY_OK(
                    m_api.run(QStringLiteral("put_user"),
                              {{QStringLiteral("id"), id},
                               {QStringLiteral("user"),
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("username"), QLatin1String(name)},
                                            {QStringLiteral("full_name"), QLatin1String(name)},
                                            {QStringLiteral("role_ids"), QJsonArray()},
                                            {QStringLiteral("store_ids"), QJsonArray{store}},
                                            {QStringLiteral("language"), QStringLiteral("es")},
                                            {QStringLiteral("active"), true}}},
                               {QStringLiteral("password"), QStringLiteral("a-long-password-1")}}));
        }
        const auto token = m_api.run(QStringLiteral("rotate_sync_token"),
                                     {{QStringLiteral("id"), here}});
        POS_VERIFY_OK(token);
        const auto session
                = m_api.run(QStringLiteral("sync_login"),
                            {{QStringLiteral("token"),
                              token->toObject().value(QStringLiteral("token")).toString()}});
        POS_VERIFY_OK(session);
        m_api.backend().setToken(session->toObject().value(QStringLiteral("token")).toString());
        QString cursor;
        QHash<QString, QJsonObject> users;
        for (const auto &c : pullAll(cursor, 100)) {
            const QJsonObject change = c.toObject();
            if (change.value(QStringLiteral("table")).toString() == QLatin1String("users")) {
                QJsonObject row = change.value(QStringLiteral("row")).toObject();
                row.insert(QStringLiteral("deleted"), change.value(QStringLiteral("deleted")));
                users.insert(row.value(QStringLiteral("username")).toString(), row);
            }
        }
        const auto hashOf = [&](const char *name) {
            return users.value(QLatin1String(name)).value(QStringLiteral("password_hash")).toString();
        };
        QVERIFY(!hashOf("ana").isEmpty());
        QVERIFY(!hashOf("admin").isEmpty());
        QVERIFY(hashOf("bea").isEmpty());
        QVERIFY(users.value(QStringLiteral("bea")).value(QStringLiteral("deleted")).toBool());
        QVERIFY(!users.value(QStringLiteral("ana")).value(QStringLiteral("deleted")).toBool());
    }

    void cleanupTestCase()
    {
        for (const char *name : {"first", "second"}) {
            QSqlDatabase::removeDatabase(QString::fromLatin1(name));
        }
    }
};

QTEST_GUILESS_MAIN(SyncPullTest)
#include "tst_sync_pull.moc"
