// SPDX-License-Identifier: GPL-3.0-or-later
// A store's first pull of a big catalog: its pages are copied in as all new, with the
// copied tables' foreign keys and non-unique indexes set aside and put back by the last
// page; a clash with a local row falls back to the careful way, a cut pull's indexes are
// built when a later one ends, and a page that breaks a key is refused whole.
#include "pulltestbase.h"

#include <functional>

using namespace pos;
using namespace pos::test;

class SyncFirstPullTest : public PullTestBase
{
    Q_OBJECT

    // A store's foreign keys, each with its definition and whether it was validated.
    static QString foreignKeysOf(Database &db)
    {
        if (db.engine() != Engine::PostgreSql) {
            return {};
        }
        QStringList keys;
        auto conn = db.connection();
        auto q = conn ? exec(*conn, QStringLiteral("SELECT conname, pg_get_constraintdef(oid), "
                                                   "convalidated FROM pg_constraint WHERE "
                                                   "contype = 'f' ORDER BY 1"))
                      : Result<QSqlQuery>(fail(conn.error()));
        while (q && q->next()) {
            keys << q->value(0).toString() + u' ' + q->value(1).toString() + u' '
                            + q->value(2).toString();
        }
        return keys.join(u'\n');
    }

    // A store's indexes, each with its definition.
    static QString indexesOf(Database &db)
    {
        const QString sql = db.engine() == Engine::PostgreSql
                                    ? QStringLiteral("SELECT indexname || ' ' || indexdef || "
                                                     "coalesce(' ' || CAST(contype AS TEXT), "
                                                     "'') FROM "
                                                     "pg_indexes LEFT JOIN pg_constraint ON "
                                                     "conname = indexname WHERE schemaname = "
                                                     "'public' ORDER BY 1")
                                    : QStringLiteral("SELECT name || ' ' || coalesce(sql, '') "
                                                     "FROM sqlite_master WHERE type = 'index' "
                                                     "ORDER BY 1");
        QStringList indexes;
        auto conn = db.connection();
        auto q = conn ? exec(*conn, sql) : Result<QSqlQuery>(fail(conn.error()));
        while (q && q->next()) {
            indexes << q->value(0).toString();
        }
        return indexes.join(u'\n');
    }

    // 520 products at HQ, over the size a page of new rows is tried as all new.
    void putManyProducts(QVariantList &ids)
    {
        const QString department = newId();
        const QString tax = newId();
        putDepartment(department, QStringLiteral("ABR"));
        POS_VERIFY_OK(m_api.run(QStringLiteral("put_tax"),
                                taxRecord(tax, QStringLiteral("IVA0"), QStringLiteral("0"))));
        constexpr int kProducts = 520;
        for (int i = 0; i < kProducts; ++i) {
            ids << newId();
            POS_VERIFY_OK(
                    m_api.run(QStringLiteral("put_product"),
                              productRecord(
                                      {.id = ids.last().toString(),
                                       .sku = QStringLiteral("P-%1").arg(i, 4, 10, QLatin1Char('0')),
                                       .name = QStringLiteral("Arroz %1").arg(i),
                                       .department = department,
                                       .barcodes = {QStringLiteral("77%1").arg(i, 8, 10,
                                                                               QLatin1Char('0'))},
                                       .taxIds = QJsonArray{tax},
                                       .price = 1000 + i,
                                       .cost = 500})));
        }
    }

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init() { startHq(); }
    void cleanup() { m_api.stop(); }

    // Why: a store's first pull of a big catalog writes each page's products by copy
    // without asking which are here, and without PostgreSQL's row-by-row key checks; when
    // a local product holds a code or a barcode of HQ's, that page must still be written
    // the careful way, with HQ's rows winning; and the store's keys end as they began.
    void bigFirstPageWithAndWithoutLocalClashes()
    {
        QFETCH_GLOBAL(Engine, engine);
        QVariantList ids;
        putManyProducts(ids);
        const int kProducts = static_cast<int>(ids.size());
        auto untouched = migratedStore(engine);
        POS_VERIFY_OK(untouched);
        for (const bool clash : {false, true}) {
            auto store = migratedStore(engine);
            POS_VERIFY_OK(store);
            auto conn = (*store)->db().connection();
            POS_VERIFY_OK(conn);
            const QString local = newId();
            if (clash) { // made here before the first pull: HQ's P-0007 and product 9's barcode
                const QString here = newId();
                for (const auto &[sql, values] :
                     {std::pair{QStringLiteral("INSERT INTO departments (id, code, name) VALUES "
                                               "(?, 'LOC', 'Local')"),
                                QVariantList{here}},
                      std::pair{QStringLiteral("INSERT INTO products (id, sku, name, "
                                               "name_folded, department_id, price, cost, "
                                               "tax_included) VALUES (?, 'P-0007', 'Local', "
                                               "'local', ?, 100, 50, TRUE)"),
                                QVariantList{local, here}},
                      std::pair{QStringLiteral("INSERT INTO product_barcodes (barcode, "
                                               "product_id) VALUES ('7700000009', ?)"),
                                QVariantList{local}}}) {
                    POS_VERIFY_OK(exec(*conn, sql, values));
                }
            }
            QString cursor;
            pullInto((*store)->db(), cursor, 5000, PullKind::First);
            QCOMPARE(foreignKeysOf((*store)->db()), foreignKeysOf((*untouched)->db()));
            QCOMPARE(indexesOf((*store)->db()), indexesOf((*untouched)->db()));
            const auto count = [&](const QString &sql) {
                auto q = exec(*conn, sql, ids);
                return q && q->next() ? q->value(0).toInt() : -1;
            };
            const QString in = QStringLiteral(" IN (?")
                               + QStringLiteral(", ?").repeated(kProducts - 1) + QLatin1Char(')');
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM products WHERE deleted = FALSE "
                                          "AND id")
                           + in),
                     kProducts);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM product_barcodes WHERE product_id")
                           + in),
                     kProducts);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM product_taxes WHERE product_id")
                           + in),
                     kProducts);
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM product_words WHERE product_id")
                           + in),
                     2 * kProducts); // "arroz" and its number
            auto q = exec(*conn,
                          QStringLiteral("SELECT p.sku, p.deleted, (SELECT COUNT(*) FROM "
                                         "product_barcodes b WHERE b.product_id = p.id) FROM "
                                         "products p WHERE p.id = ?"),
                          {local});
            POS_VERIFY_OK(q);
            QCOMPARE(q->next(), clash);
            if (clash) { // the local product gave up its code and its barcode
                QVERIFY2(q->value(0).toString().startsWith(QLatin1String("P-0007~")),
                         qPrintable(q->value(0).toString()));
                QVERIFY(q->value(1).toBool());
                QCOMPARE(q->value(2).toInt(), 0);
            }
        }
    }

    // Why: a first pull builds its non-unique indexes and the search words' key after the
    // rows are in, and keeps the keys that find a row or a code already here. Cut off after
    // its first page, the store searches without them until a later pull ends and builds
    // them; then the store has every index its migrations made, and no more.
    void cutFirstPullBuildsItsIndexesWhenALaterOneEnds()
    {
        QFETCH_GLOBAL(Engine, engine);
        QVariantList ids;
        putManyProducts(ids);
        auto untouched = migratedStore(engine);
        POS_VERIFY_OK(untouched);
        auto store = migratedStore(engine);
        POS_VERIFY_OK(store);
        const QString all = indexesOf((*untouched)->db());
        QVERIFY(all.contains(QLatin1String("products_name_folded")));

        const QJsonObject first = pull(QString(), 510); // the products but a dozen
        QVERIFY(first.value(QStringLiteral("more")).toBool());
        POS_VERIFY_OK(applyChanges((*store)->db(), first, QDateTime::currentDateTimeUtc(),
                                   PullKind::First));
        const QString between = indexesOf((*store)->db());
        if (engine == Engine::PostgreSql) { // SQLite loads with its indexes
            QVERIFY(!between.contains(QLatin1String("products_name_folded")));
            QVERIFY(!between.contains(QLatin1String("product_words_product")));
            QVERIFY(!between.contains(QLatin1String("product_words_pkey")));
            QVERIFY(!between.contains(QLatin1String("product_taxes_pkey")));
            QVERIFY(between.contains(QLatin1String("products_sku_key")));
            QVERIFY(between.contains(QLatin1String("product_barcodes_pkey")));
        } else {
            QCOMPARE(between, all);
        }

        QString cursor = first.value(QStringLiteral("next_cursor")).toString();
        pullInto((*store)->db(), cursor, 510); // the pull after a restart: not a first one
        QCOMPARE(indexesOf((*store)->db()), all);
        auto conn = (*store)->db().connection();
        POS_VERIFY_OK(conn);
        auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM deferred_indexes"));
        POS_VERIFY_OK(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toInt(), 0);
        q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM products WHERE name_folded LIKE "
                                       "'arroz%'"));
        POS_VERIFY_OK(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toInt(), static_cast<int>(ids.size()));
    }

    // Why: a first pull skips the row-by-row key checks, not the keys: a page whose
    // product names a department the store does not have, or lists one tax twice (the
    // taxes' key is built at the pull's end), is refused, and nothing of it is written.
    void firstPullRefusesABrokenKey()
    {
        QFETCH_GLOBAL(Engine, engine);
        QVariantList ids;
        putManyProducts(ids);
        const QJsonObject page = pull(QString(), 5000);
        QCOMPARE(page.value(QStringLiteral("more")).toBool(), false);
        const std::function<void(QJsonObject &)> breaks[]
                = {[](QJsonObject &row) { row.insert(QStringLiteral("department_id"), newId()); },
                   [](QJsonObject &row) {
                       const QJsonValue tax = row.value(QStringLiteral("tax_ids")).toArray().at(0);
                       row.insert(QStringLiteral("tax_ids"), QJsonArray{tax, tax});
                   }};
        for (const auto &breakRow : breaks) {
            auto store = migratedStore(engine);
            POS_VERIFY_OK(store);
            QJsonArray changes = page.value(QStringLiteral("changes")).toArray();
            for (qsizetype i = 0; i < changes.size(); ++i) {
                QJsonObject c = changes.at(i).toObject();
                if (c.value(QStringLiteral("table")).toString() == QLatin1String("products")) {
                    QJsonObject row = c.value(QStringLiteral("row")).toObject();
                    breakRow(row);
                    c.insert(QStringLiteral("row"), row);
                    changes[i] = c;
                    break;
                }
            }
            QJsonObject broken = page;
            broken.insert(QStringLiteral("changes"), changes);
            const Status applied = applyChanges((*store)->db(), broken,
                                                QDateTime::currentDateTimeUtc(), PullKind::First);
            QVERIFY(!applied);
            QCOMPARE(applied.error().code, ErrorCode::Validation);
            auto conn = (*store)->db().connection();
            POS_VERIFY_OK(conn);
            auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM products"));
            POS_VERIFY_OK(q);
            QVERIFY(q->next());
            QCOMPARE(q->value(0).toInt(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(SyncFirstPullTest)
#include "tst_sync_firstpull.moc"
