// SPDX-License-Identifier: GPL-3.0-or-later
// Exactly once under faults. HQ and two stores as real processes; the stores reach HQ
// through a proxy that cuts connections in the middle of answers. Rounds of sales, with
// random kill -9 of a store or of HQ at random moments, sales sent twice by the till, and
// prices changed at HQ meanwhile. When things go quiet: HQ holds every sale exactly once,
// the outboxes are empty, and stock and prices agree between HQ and each store.
#include "cuttingproxy.h"
#include "syncrig.h"

#include "support/backendcall.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QSet>

using namespace pos;
using namespace pos::test;

namespace {

constexpr int kRounds = 200;
constexpr int kProducts = 4;

} // namespace

class SyncFaultsTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncRig> m_rig;
    std::unique_ptr<CuttingProxy> m_proxy;
    QRandomGenerator m_random{20261128};
    QSet<QString> m_sold; // every sale id the tills saw recorded
    int m_storeKills = 0;
    int m_hqKills = 0;

    // The till: sends the sale until the store answers it, whatever happened meanwhile.
    // A killed store is restarted; a price that changed under the sale is looked up again.
    Status sellUntilRecorded(StoreNode &store, int product, const QString &id)
    {
        qint64 price = m_rig->price(store, product);
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (store.process->process().state() != QProcess::Running) {
                if (auto up = m_rig->restartStore(store); !up) {
                    return up;
                }
                price = m_rig->price(store, product);
            }
            const auto r = call(*store.api, QStringLiteral("create_sale"),
                                m_rig->saleRecord(store, product, 1, price, id), {}, 10000);
            if (r || r.error().code == ErrorCode::Conflict) {
                m_sold.insert(id); // recorded now or by an earlier attempt whose answer was lost
                return {};
            }
            if (r.error().code == ErrorCode::Validation) {
                price = m_rig->price(store, product); // HQ changed it under us
            }
        }
        return fail(ErrorCode::Timeout, QStringLiteral("sale %1 never recorded").arg(id));
    }

    void changePrice(int product, qint64 price)
    {
        auto p = call(m_rig->hq(), QStringLiteral("get_product"),
                      {{QStringLiteral("id"), m_rig->productId(product)}});
        if (!p) {
            return; // HQ is down this moment: the change is simply not made
        }
        QJsonObject changed = p->toObject();
        changed.insert(QStringLiteral("price"), price);
        (void)call(m_rig->hq(), QStringLiteral("put_product"), changed);
    }

    // A fault at a random moment: the kill lands before, during or after the push.
    void maybeFault(StoreNode &store)
    {
        const double roll = m_random.generateDouble();
        if (roll < 0.06) {
            QTest::qWait(static_cast<int>(m_random.bounded(0, 60)));
            store.process->process().kill();
            store.process->process().waitForFinished(5000);
            ++m_storeKills;
        } else if (roll < 0.09) {
            QTest::qWait(static_cast<int>(m_random.bounded(0, 60)));
            POS_VERIFY_OK(m_rig->restartHq(true));
            ++m_hqKills;
        }
    }

    QSet<QString> idsAt(Database &db)
    {
        QSet<QString> ids;
        auto conn = db.connection();
        auto q = conn ? exec(*conn, QStringLiteral("SELECT id FROM sales"))
                      : Result<QSqlQuery>(fail(conn.error()));
        while (q && q->next()) {
            ids.insert(q->value(0).toString());
        }
        return ids;
    }

    QString rows(Database &db, const QString &sql, const QVariantList &values = {})
    {
        QStringList out;
        auto conn = db.connection();
        auto q = conn ? exec(*conn, sql, values) : Result<QSqlQuery>(fail(conn.error()));
        while (q && q->next()) {
            out << q->value(0).toString() + QLatin1Char('=') + q->value(1).toString();
        }
        return out.join(u' ');
    }

    qint64 pending()
    {
        qint64 n = 0;
        for (StoreNode *s : m_rig->stores()) {
            n += SyncRig::scalar(s->db->db(), QStringLiteral("SELECT COUNT(*) FROM outbox"));
        }
        return n;
    }

private slots:
    void initTestCase_data() { addEngineRows(); }

    void init()
    {
        QFETCH_GLOBAL(Engine, engine);
        m_sold.clear();
        m_storeKills = 0;
        m_hqKills = 0;
        m_rig = std::make_unique<SyncRig>(engine);
        POS_VERIFY_OK(m_rig->startHq());
        POS_VERIFY_OK(m_rig->seedCatalog(kProducts));
        m_proxy = std::make_unique<CuttingProxy>(m_rig->hqProcess().port(), 7);
        QVERIFY(m_proxy->listen());
        // A short push idle and pull interval: the rounds keep both busy.
        QProcessEnvironment quick;
        quick.insert(QStringLiteral("SYNC_INTERVAL_MS"), QStringLiteral("3000"));
        quick.insert(QStringLiteral("SYNC_PUSH_IDLE_MS"), QStringLiteral("100"));
        // Pages of two rows: every pull is many pages, written on the puller's thread
        // while the next are fetched, and a kill or a cut lands between them.
        quick.insert(QStringLiteral("SYNC_PAGE_ROWS"), QStringLiteral("2"));
        // Push batches of three: the next is read while HQ takes one, and a cut or a kill
        // lands between them.
        quick.insert(QStringLiteral("SYNC_PUSH_BATCH"), QStringLiteral("3"));
        for (const char *code : {"ST01", "ST02"}) {
            POS_VERIFY_OK(m_rig->addStore(QLatin1String(code), m_proxy->baseUrl(), quick));
        }
    }

    void cleanup()
    {
        m_rig.reset();
        m_proxy.reset();
    }

    // Why: a sale must reach head office exactly once whatever breaks on the way.
    void everySaleExactlyOnce()
    {
        m_proxy->setCutRate(0.15);
        const QList<StoreNode *> stores = m_rig->stores();
        for (int round = 0; round < kRounds; ++round) {
            StoreNode &store = *stores.at(round % 2);
            const int product = static_cast<int>(m_random.bounded(kProducts));
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            POS_VERIFY_OK(sellUntilRecorded(store, product, id));
            if (m_random.generateDouble() < 0.1) {
                POS_VERIFY_OK(sellUntilRecorded(store, product, id)); // the till sends it twice
            }
            if (round % 25 == 0) {
                changePrice(static_cast<int>(m_random.bounded(kProducts)),
                            1000 + static_cast<qint64>(m_random.bounded(0, 50)) * 10);
            }
            maybeFault(store);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        // Quiet: every store up, no more cuts.
        m_proxy->setCutRate(0.0);
        for (StoreNode *s : stores) {
            if (s->process->process().state() != QProcess::Running) {
                POS_VERIFY_OK(m_rig->restartStore(*s));
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(pending(), 0, 90000);
        QCOMPARE(m_sold.size(), kRounds);
        QCOMPARE(idsAt(m_rig->hqDb().db()), m_sold);
        QSet<QString> atStores;
        for (StoreNode *s : stores) {
            atStores.unite(idsAt(s->db->db()));
        }
        QCOMPARE(atStores, m_sold);
        QCOMPARE(SyncRig::scalar(m_rig->hqDb().db(),
                                 QStringLiteral("SELECT COUNT(*) FROM sync_quarantine")),
                 0);
        // Stock: each store's ledger, as the store and as HQ add it up.
        const QString stock = QStringLiteral(
                "SELECT product_id, SUM(quantity) FROM stock_movements WHERE store_id = ? "
                "GROUP BY product_id ORDER BY product_id");
        for (StoreNode *s : stores) {
            QCOMPARE(rows(m_rig->hqDb().db(), stock, {s->id}), rows(s->db->db(), stock, {s->id}));
        }
        // Master data: once a pull has run, each store's prices are HQ's.
        const QString prices = QStringLiteral("SELECT id, price FROM products ORDER BY id");
        for (StoreNode *s : stores) {
            QTRY_COMPARE_WITH_TIMEOUT(rows(s->db->db(), prices), rows(m_rig->hqDb().db(), prices),
                                      10000);
        }
        qInfo("%d store kills, %d HQ kills, %d connections through the proxy, %d cut mid-answer",
              m_storeKills, m_hqKills, m_proxy->connections(), m_proxy->cuts());
        QVERIFY(m_proxy->cuts() > 0);
    }
};

QTEST_GUILESS_MAIN(SyncFaultsTest)
#include "tst_sync_faults.moc"
