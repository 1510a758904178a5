// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncrig.h"

#include "core/base/barcode.h"
#include "support/backendcall.h"
#include "support/records.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSqlQuery>
#include <QThread>

namespace pos::test {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QProcessEnvironment baseEnv(const QString &databaseUrl)
{
    QProcessEnvironment e;
    e.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
    e.insert(QStringLiteral("POS_ADMIN_PASSWORD"), SyncRig::kAdminPassword);
    return e;
}

Status ok(const Result<QJsonValue> &r)
{
    return r ? Status{} : Status(fail(r.error()));
}

} // namespace

Status SyncRig::logIn(HttpBackend &api, QString *userId)
{
    auto session = call(api, QStringLiteral("login"),
                        {{QStringLiteral("username"), QStringLiteral("admin")},
                         {QStringLiteral("password"), kAdminPassword}});
    if (!session) {
        return fail(session.error());
    }
    const QJsonObject s = session->toObject();
    api.setToken(s.value(QStringLiteral("token")).toString());
    if (userId) {
        *userId = s.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

Status SyncRig::startHq()
{
    auto db = TestDatabase::create(m_engine);
    if (!db) {
        return fail(db.error());
    }
    m_hqDb = std::move(*db);
    m_hq = std::make_unique<ServerProcess>(QStringLiteral(POS_HQ_SERVER), baseEnv(m_hqDb->url()));
    if (!m_hq->start()) {
        return fail(ErrorCode::Unavailable, m_hq->output());
    }
    m_hqApi = std::make_unique<HttpBackend>(QUrl(m_hq->baseUrl()));
    return logIn(*m_hqApi);
}

Status SyncRig::restartHq(bool kill)
{
    kill ? m_hq->process().kill() : m_hq->process().terminate();
    m_hq->process().waitForFinished(10000);
    if (!m_hq->start()) {
        return fail(ErrorCode::Unavailable, m_hq->output());
    }
    return logIn(*m_hqApi);
}

Result<QJsonValue> SyncRig::atHq(const QString &command, const QJsonObject &params)
{
    return call(*m_hqApi, command, params);
}

QString SyncRig::barcode(int p) const
{
    const QString digits = QStringLiteral("750999%1").arg(p, 6, 10, QLatin1Char('0'));
    return digits + QString::number(checkDigitFor(digits));
}

Status SyncRig::seedCatalog(int products)
{
    m_department = newId();
    m_tax = newId();
    m_cash = newId();
    const QList<std::pair<QString, QJsonObject>>
            setup{{QStringLiteral("put_department"),
                   departmentRecord(m_department, QStringLiteral("ABA"),
                                    QStringLiteral("Abarrotes"))},
                  {QStringLiteral("put_tax"),
                   taxRecord(m_tax, QStringLiteral("IVA0"), QStringLiteral("0"))},
                  {QStringLiteral("put_tender"),
                   {{QStringLiteral("id"), m_cash},
                    {QStringLiteral("code"), QStringLiteral("CASH")},
                    {QStringLiteral("name"), QStringLiteral("Efectivo")},
                    {QStringLiteral("kind"), QStringLiteral("cash")},
                    {QStringLiteral("opens_drawer"), true},
                    {QStringLiteral("gives_change"), true},
                    {QStringLiteral("active"), true}}}};
    for (const auto &[command, body] : setup) {
        if (auto done = ok(atHq(command, body)); !done) {
            return done;
        }
    }
    for (int p = 0; p < products; ++p) {
        m_products << newId();
        if (auto done = ok(atHq(QStringLiteral("put_product"),
                                productRecord({.id = m_products.last(),
                                               .sku = QStringLiteral("SKU-%1").arg(p),
                                               .name = QStringLiteral("Producto %1").arg(p),
                                               .department = m_department,
                                               .barcodes = QJsonArray{barcode(p)},
                                               .taxIds = QJsonArray{m_tax},
                                               .price = 1000 + 100 * p,
                                               .cost = 500})));
            !done) {
            return done;
        }
    }
    return {};
}

Result<StoreNode *> SyncRig::addStore(const QString &code, const QString &hqUrl,
                                      const QProcessEnvironment &extra)
{
    auto node = std::make_shared<StoreNode>();
    node->id = newId();
    node->code = code;
    node->registerId = newId();
    auto db = TestDatabase::create(m_engine);
    if (!db) {
        return fail(db.error());
    }
    node->db = std::move(*db);
    if (auto done = ok(atHq(QStringLiteral("put_store"),
                            storeRecord(node->id, code, QStringLiteral("Tienda ") + code)));
        !done) {
        return fail(done.error());
    }
    if (auto done = ok(atHq(QStringLiteral("put_register"),
                            {{QStringLiteral("id"), node->registerId},
                             {QStringLiteral("store_id"), node->id},
                             {QStringLiteral("number"), 1},
                             {QStringLiteral("name"), QStringLiteral("Caja 1")},
                             {QStringLiteral("active"), true}}));
        !done) {
        return fail(done.error());
    }
    auto token = atHq(QStringLiteral("rotate_sync_token"), {{QStringLiteral("id"), node->id}});
    if (!token) {
        return fail(token.error());
    }
    node->env = baseEnv(node->db->url());
    node->env.insert(QStringLiteral("STORE_ID"), node->id);
    node->env.insert(QStringLiteral("STORE_CODE"), code);
    node->env.insert(QStringLiteral("HQ_URL"), hqUrl.isEmpty() ? m_hq->baseUrl() : hqUrl);
    node->env.insert(QStringLiteral("SYNC_TOKEN"),
                     token->toObject().value(QStringLiteral("token")).toString());
    node->env.insert(QStringLiteral("SYNC_INTERVAL_MS"), QStringLiteral("600000"));
    node->env.insert(extra);
    node->process = std::make_unique<ServerProcess>(QStringLiteral(POS_STORE_SERVER), node->env);
    if (auto started = startStore(*node); !started) {
        return fail(started.error());
    }
    node->session = newId();
    auto opened = call(*node->api, QStringLiteral("open_session"),
                       {{QStringLiteral("id"), node->session},
                        {QStringLiteral("register_id"), node->registerId},
                        {QStringLiteral("opening_float"), 0}});
    if (!opened) {
        return fail(opened.error());
    }
    m_stores << node;
    return node.get();
}

// Started and logged in: HQ's admin exists at the store once its first pull is in.
Status SyncRig::startStore(StoreNode &store)
{
    if (!store.process->start()) {
        return fail(ErrorCode::Unavailable, store.process->output());
    }
    store.api = std::make_unique<HttpBackend>(QUrl(store.process->baseUrl()));
    QDeadlineTimer deadline(30000);
    Status in = logIn(*store.api, &store.cashierId);
    while (!in && !deadline.hasExpired()) {
        QThread::msleep(100);
        in = logIn(*store.api, &store.cashierId);
    }
    return in;
}

Status SyncRig::restartStore(StoreNode &store, bool kill)
{
    kill ? store.process->process().kill() : store.process->process().terminate();
    store.process->process().waitForFinished(10000);
    return startStore(store);
}

qint64 SyncRig::price(StoreNode &store, int p)
{
    const auto scan = call(*store.api, QStringLiteral("lookup_barcode"),
                           {{QStringLiteral("code"), barcode(p)}});
    return scan ? scan->toObject().value(QStringLiteral("unit_price")).toInteger() : -1;
}

QJsonObject SyncRig::saleRecord(StoreNode &store, int p, qint64 units, qint64 unitPrice,
                                const QString &id) const
{
    const qint64 total = unitPrice * units;
    const QJsonObject line{{QStringLiteral("id"),
                            QUuid::createUuidV5(QUuid(id), QStringLiteral("line"))
                                    .toString(QUuid::WithoutBraces)},
                           {QStringLiteral("product_id"), m_products.at(p)},
                           {QStringLiteral("description"), QStringLiteral("Producto %1").arg(p)},
                           {QStringLiteral("quantity"), units * 1000},
                           {QStringLiteral("unit_price"), unitPrice},
                           {QStringLiteral("discount"), 0},
                           {QStringLiteral("total"), total},
                           {QStringLiteral("price_overridden"), false}};
    const QJsonObject payment{{QStringLiteral("id"),
                               QUuid::createUuidV5(QUuid(id), QStringLiteral("pay"))
                                       .toString(QUuid::WithoutBraces)},
                              {QStringLiteral("tender_id"), m_cash},
                              {QStringLiteral("amount"), total},
                              {QStringLiteral("reference"), QString()}};
    return pos::test::saleRecord(id, {store.id, store.registerId, store.session, store.cashierId},
                                 QJsonArray{line}, QJsonArray{payment}, {total, 0, total, 0, 0});
}

Result<QJsonValue> SyncRig::sell(StoreNode &store, int p, qint64 units, const QString &id)
{
    const qint64 unitPrice = price(store, p);
    if (unitPrice < 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("the store cannot scan product %1").arg(p));
    }
    return call(*store.api, QStringLiteral("create_sale"),
                saleRecord(store, p, units, unitPrice, id.isEmpty() ? newId() : id));
}

QList<StoreNode *> SyncRig::stores()
{
    QList<StoreNode *> out;
    for (const auto &s : std::as_const(m_stores)) {
        out << s.get();
    }
    return out;
}

qint64 SyncRig::scalar(Database &db, const QString &sql, const QVariantList &values)
{
    auto conn = db.connection();
    if (!conn) {
        return -1;
    }
    auto q = exec(*conn, sql, values);
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

} // namespace pos::test
