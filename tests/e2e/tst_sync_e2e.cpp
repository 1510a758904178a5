// SPDX-License-Identifier: GPL-3.0-or-later
// HQ and a store as real processes over HTTP, on SQLite and on PostgreSQL: the store logs in
// with its own sync token and pulls, so a product created at HQ is what the store's scan
// answers; a price changed at HQ arrives within 2 s through the WebSocket hint (the poll
// is ten minutes away); a revoked token is refused; a stopped store shows disconnected.
#include "core/api/httpbackend.h"
#include "support/backendcall.h"
#include "support/records.h"
#include "support/serverprocess.h"
#include "support/testdatabase.h"
#include "support/testsupport.h"

#include <QJsonArray>

using namespace pos;
using namespace pos::test;

namespace {

const QString kAdminPassword = QStringLiteral("admin-password-1");
const QString kStore = QStringLiteral("0b7e6c3a-3d52-4a57-9c61-5f0d2f4f0a01");
const QString kProduct = QStringLiteral("5a1c2d4e-8a7b-4c3d-9e0f-1a2b3c4d5e01");
const QString kBarcode = QStringLiteral("7501000000012");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject product(qint64 price, const QString &department, const QString &tax)
{
    return productRecord({.id = kProduct,
                          .sku = QStringLiteral("RICE-1"),
                          .name = QStringLiteral("Arroz 1 kg"),
                          .department = department,
                          .barcodes = QJsonArray{kBarcode},
                          .taxIds = QJsonArray{tax},
                          .price = price,
                          .cost = 1000});
}

} // namespace

class SyncEndToEndTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_hqDb;
    std::unique_ptr<TestDatabase> m_storeDb;
    std::unique_ptr<ServerProcess> m_hq;
    std::unique_ptr<ServerProcess> m_store;
    std::unique_ptr<HttpBackend> m_atHq;
    std::unique_ptr<HttpBackend> m_atStore;
    QProcessEnvironment m_storeEnv;
    QString m_department;
    QString m_tax;

    static QProcessEnvironment env(const QString &databaseUrl)
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
        e.insert(QStringLiteral("POS_ADMIN_PASSWORD"), kAdminPassword);
        return e;
    }

    static Status logIn(HttpBackend &backend)
    {
        auto session = call(backend, QStringLiteral("login"),
                            {{QStringLiteral("username"), QStringLiteral("admin")},
                             {QStringLiteral("password"), kAdminPassword}});
        if (!session) {
            return fail(session.error());
        }
        backend.setToken(session->toObject().value(QStringLiteral("token")).toString());
        return {};
    }

    // The price the store's scan answers, or -1 while it does not know the code.
    qint64 storePrice()
    {
        const auto scan = call(*m_atStore, QStringLiteral("lookup_barcode"),
                               {{QStringLiteral("code"), kBarcode}});
        return scan ? scan->toObject().value(QStringLiteral("unit_price")).toInteger() : -1;
    }

    QJsonObject storeStatus()
    {
        const auto status = call(*m_atHq, QStringLiteral("get_sync_status"));
        const QJsonArray stores
                = status ? status->toObject().value(QStringLiteral("stores")).toArray()
                         : QJsonArray();
        for (const auto &s : stores) {
            if (s.toObject().value(QStringLiteral("store_id")).toString() == kStore) {
                return s.toObject();
            }
        }
        return {};
    }

    bool storeConnected() { return storeStatus().value(QStringLiteral("connected")).toBool(); }

    // HQ with the store, its token and a product at 25.00; the store process started with
    // that token, its poll ten minutes away, and logged in to.
    void setUpStoreAndProduct()
    {
        POS_VERIFY_OK(call(*m_atHq, QStringLiteral("put_store"),
                           storeRecord(kStore, QStringLiteral("ST01"), QStringLiteral("Centro"))));
        const auto token = call(*m_atHq, QStringLiteral("rotate_sync_token"),
                                {{QStringLiteral("id"), kStore}});
        POS_VERIFY_OK(token);
        m_department = newId();
        m_tax = newId();
        POS_VERIFY_OK(call(*m_atHq, QStringLiteral("put_department"),
                           departmentRecord(m_department, QStringLiteral("ABA"),
                                            QStringLiteral("Abarrotes"))));
        POS_VERIFY_OK(call(*m_atHq, QStringLiteral("put_tax"),
                           taxRecord(m_tax, QStringLiteral("IVA0"), QStringLiteral("0"))));
        POS_VERIFY_OK(
                call(*m_atHq, QStringLiteral("put_product"), product(2500, m_department, m_tax)));

        m_storeEnv = env(m_storeDb->url());
        m_storeEnv.insert(QStringLiteral("STORE_ID"), kStore);
        m_storeEnv.insert(QStringLiteral("STORE_CODE"), QStringLiteral("ST01"));
        m_storeEnv.insert(QStringLiteral("HQ_URL"), m_hq->baseUrl());
        m_storeEnv.insert(QStringLiteral("SYNC_TOKEN"),
                          token->toObject().value(QStringLiteral("token")).toString());
        // Ten minutes: after the first pull, only HQ's hint can bring a change in time.
        m_storeEnv.insert(QStringLiteral("SYNC_INTERVAL_MS"), QStringLiteral("600000"));
        m_store = std::make_unique<ServerProcess>(QStringLiteral(POS_STORE_SERVER), m_storeEnv);
        QVERIFY2(m_store->start(), qPrintable(m_store->output()));
        m_atStore = std::make_unique<HttpBackend>(QUrl(m_store->baseUrl()));
        // The store's users come from HQ: HQ's admin can log in once the first pull is in.
        QTRY_VERIFY_WITH_TIMEOUT(logIn(*m_atStore).has_value(), 15000);
    }

private slots:
    void initTestCase_data() { addEngineRows(); }

    void init()
    {
        QFETCH_GLOBAL(Engine, engine);
        auto hqDb = TestDatabase::create(engine);
        auto storeDb = TestDatabase::create(engine);
        POS_VERIFY_OK(hqDb);
        POS_VERIFY_OK(storeDb);
        m_hqDb = std::move(*hqDb);
        m_storeDb = std::move(*storeDb);
        m_hq = std::make_unique<ServerProcess>(QStringLiteral(POS_HQ_SERVER), env(m_hqDb->url()));
        QVERIFY2(m_hq->start(), qPrintable(m_hq->output()));
        m_atHq = std::make_unique<HttpBackend>(QUrl(m_hq->baseUrl()));
        POS_VERIFY_OK(logIn(*m_atHq));
    }

    void cleanup()
    {
        m_atStore.reset();
        m_atHq.reset();
        m_store.reset();
        m_hq.reset();
        m_storeDb.reset();
        m_hqDb.reset();
    }

    // Why: prices are set at HQ; a store must sell at them without anyone copying data.
    void storeFollowsHq()
    {
        setUpStoreAndProduct();
        if (QTest::currentTestFailed()) {
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(storePrice(), 2500, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(storeConnected(), 15000);
        POS_VERIFY_OK(
                call(*m_atHq, QStringLiteral("put_product"), product(2750, m_department, m_tax)));
        QTRY_COMPARE_WITH_TIMEOUT(storePrice(), 2750, 2000);
        QVERIFY(!storeStatus().value(QStringLiteral("last_pull_at")).isNull());

        // A cashier made at HQ logs in at the store's till by PIN: users, roles and the
        // PIN key came down with the rest.
        const QString cashier = newId();
        POS_VERIFY_OK(call(*m_atHq, QStringLiteral("put_user"),
                           {{QStringLiteral("id"), cashier},
                            {QStringLiteral("user"),
                             QJsonObject{{QStringLiteral("id"), cashier},
                                         {QStringLiteral("username"), QStringLiteral("ana")},
                                         {QStringLiteral("full_name"), QStringLiteral("Ana López")},
                                         {QStringLiteral("role_ids"), QJsonArray()},
                                         {QStringLiteral("store_ids"), QJsonArray{kStore}},
                                         {QStringLiteral("language"), QStringLiteral("es")},
                                         {QStringLiteral("active"), true}}},
                            {QStringLiteral("pin"), QStringLiteral("4321")}}));
        const QString till = newId();
        const auto requested = call(*m_atStore, QStringLiteral("request_terminal"),
                                    {{QStringLiteral("id"), till},
                                     {QStringLiteral("name"), QStringLiteral("Caja 1")}});
        POS_VERIFY_OK(requested);
        POS_VERIFY_OK(call(*m_atStore, QStringLiteral("approve_terminal"),
                           {{QStringLiteral("id"), till}}));
        const QJsonObject
                pinLogin{{QStringLiteral("pin"), QStringLiteral("4321")},
                         {QStringLiteral("terminal_id"), till},
                         {QStringLiteral("terminal_secret"),
                          requested->toObject().value(QStringLiteral("secret")).toString()}};
        // Wait for the user itself, not by trying the PIN: every wrong PIN counts against the
        // till's address, and the throttle's growing lockout would outlast the pull.
        QTRY_VERIFY_WITH_TIMEOUT(call(*m_atStore, QStringLiteral("get_user"),
                                      {{QStringLiteral("id"), cashier}})
                                         .has_value(),
                                 15000); // the hint and the pull on a busy machine
        POS_VERIFY_OK(call(*m_atStore, QStringLiteral("login_pin"), pinLogin));

        // Revoked: the store's next login is refused and the price it knows stays.
        POS_VERIFY_OK(call(*m_atHq, QStringLiteral("revoke_sync_token"),
                           {{QStringLiteral("id"), kStore}}));
        const auto refused = call(*m_atHq, QStringLiteral("sync_login"),
                                  {{QStringLiteral("token"),
                                    m_storeEnv.value(QStringLiteral("SYNC_TOKEN"))}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        QVERIFY(!storeStatus().value(QStringLiteral("credential_active")).toBool());

        // A store that stops is shown disconnected.
        m_store.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!storeConnected(), 15000);
    }

    // Why: several HQ processes serve one database; a change made through any of them must
    // reach a store connected to another (NOTIFY on PostgreSQL, the version poll on SQLite).
    void hintsAcrossHqProcesses()
    {
        ServerProcess second(QStringLiteral(POS_HQ_SERVER), env(m_hqDb->url()));
        QVERIFY2(second.start(), qPrintable(second.output()));
        HttpBackend atSecond{QUrl(second.baseUrl())};
        POS_VERIFY_OK(logIn(atSecond));
        setUpStoreAndProduct();
        if (QTest::currentTestFailed()) {
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(storePrice(), 2500, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(storeConnected(), 15000);
        POS_VERIFY_OK(
                call(atSecond, QStringLiteral("put_product"), product(2900, m_department, m_tax)));
        QTRY_COMPARE_WITH_TIMEOUT(storePrice(), 2900, 2000);
    }
};

QTEST_GUILESS_MAIN(SyncEndToEndTest)
#include "tst_sync_e2e.moc"
