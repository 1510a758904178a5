// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// HQ and stores as real server processes, each on its own database: HQ holds the catalog
// (a department, a zero-rated tax, cash, and products), every store has a register and its
// own sync token, and sells as HQ's admin from an open session. The end-to-end and fault
// tests build their scenarios on it.

#include "core/api/httpbackend.h"
#include "support/serverprocess.h"
#include "support/testdatabase.h"

#include <QJsonObject>

#include <memory>

namespace pos::test {

struct StoreNode
{
    QString id;
    QString code;
    QString registerId;
    QString session;
    QString cashierId;
    QProcessEnvironment env;
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<ServerProcess> process;
    std::unique_ptr<HttpBackend> api;
};

class SyncRig
{
public:
    static inline const QString kAdminPassword = QStringLiteral("admin-password-1");

    explicit SyncRig(Engine engine)
        : m_engine(engine)
    {}

    Status startHq();
    // Kills HQ (SIGKILL) and starts it again on the same port and database.
    Status restartHq(bool kill = true);
    // The catalog every store sells from: `products` products at 10.00, 11.00, ...
    Status seedCatalog(int products);
    // A store at HQ with its register and token, its process started against `hqUrl`
    // (HQ itself unless a proxy sits between), logged in once its first pull is in, with
    // an open session.
    Result<StoreNode *> addStore(const QString &code, const QString &hqUrl = {},
                                 const QProcessEnvironment &extra = {});
    Status restartStore(StoreNode &store, bool kill = true);

    // A sale of `units` of product `p` at its current price as the store knows it; the id
    // may be given to send the same sale again.
    Result<QJsonValue> sell(StoreNode &store, int p, qint64 units, const QString &id = {});
    QJsonObject saleRecord(StoreNode &store, int p, qint64 units, qint64 price,
                           const QString &id) const;
    qint64 price(StoreNode &store, int p);

    Result<QJsonValue> atHq(const QString &command, const QJsonObject &params = {});
    HttpBackend &hq() { return *m_hqApi; }
    TestDatabase &hqDb() { return *m_hqDb; }
    ServerProcess &hqProcess() { return *m_hq; }
    QString productId(int p) const { return m_products.at(p); }
    QString departmentId() const { return m_department; }
    QString barcode(int p) const;
    QList<StoreNode *> stores();

    // One number from SQL on a database (COUNT, SUM), or -1 on failure.
    static qint64 scalar(Database &db, const QString &sql, const QVariantList &values = {});

private:
    Status startStore(StoreNode &store);
    static Status logIn(HttpBackend &api, QString *userId = nullptr);

    Engine m_engine;
    std::unique_ptr<TestDatabase> m_hqDb;
    std::unique_ptr<ServerProcess> m_hq;
    std::unique_ptr<HttpBackend> m_hqApi;
    QList<std::shared_ptr<StoreNode>> m_stores;
    QStringList m_products;
    QString m_department;
    QString m_tax;
    QString m_cash;
};

} // namespace pos::test
