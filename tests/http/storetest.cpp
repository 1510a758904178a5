// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetest.h"

#include "support/records.h"

#include "servers/store/storeservices.h"

namespace pos::storetest {

void StoreTest::startStore()
{
    POS_VERIFY_OK(m_api.start(ServerRole::Store, registerStoreHandlers));
    setUpStore();
}

void StoreTest::setUpStore()
{
    QVERIFY(!m_api.loginAs(QStringLiteral("admin"), QString::fromLatin1(ApiHarness::kAdminPassword))
                     .isEmpty());
    const QString store = m_api.storeId().toString(QUuid::WithoutBraces);
    const QString dept = newId();
    const QString iva = newId();
    const QList<std::pair<QString, QJsonObject>> puts{
            {QStringLiteral("put_store"),
             storeRecord(store, QStringLiteral("ST01"), QStringLiteral("Centro"))},
            {QStringLiteral("put_register"),
             {{QStringLiteral("id"), kRegister},
              {QStringLiteral("store_id"), store},
              {QStringLiteral("number"), 2},
              {QStringLiteral("name"), QStringLiteral("Caja 2")},
              {QStringLiteral("active"), true}}},
            {QStringLiteral("put_department"),
             {{QStringLiteral("id"), dept},
              {QStringLiteral("code"), QStringLiteral("ABA")},
              {QStringLiteral("name"), QStringLiteral("Abarrotes")},
              {QStringLiteral("parent_id"), QJsonValue()},
              {QStringLiteral("color"), QString()},
              {QStringLiteral("active"), true}}},
            {QStringLiteral("put_tax"),
             taxRecord(iva, QStringLiteral("IVA16"), QStringLiteral("16"))},
            {QStringLiteral("put_barcode_rule"),
             {{QStringLiteral("id"), newId()},
              {QStringLiteral("prefix"), QStringLiteral("21")},
              {QStringLiteral("item_start"), 2},
              {QStringLiteral("item_length"), 5},
              {QStringLiteral("value_start"), 7},
              {QStringLiteral("value_length"), 5},
              {QStringLiteral("value"), QStringLiteral("weight")}}},
    };
    for (const auto &[command, body] : puts) {
        POS_VERIFY_OK(run(command, body));
    }
    const auto product = [&](const QString &id, const char *sku, const char *name, QJsonArray codes,
                             qint64 price, bool weighed) {
        return productRecord({.id = id,
                              .sku = QString::fromLatin1(sku),
                              .name = QString::fromUtf8(name),
                              .department = dept,
                              .barcodes = codes,
                              .taxIds = QJsonArray{iva},
                              .price = price,
                              .cost = price / 2,
                              .weighed = weighed});
    };
    POS_VERIFY_OK(run(QStringLiteral("put_product"),
                      product(kCoffee, "CAF-500", "Café molido 500g",
                              {QStringLiteral("7501234567893")}, 8900, false)));
    POS_VERIFY_OK(run(QStringLiteral("put_product"),
                      product(kBanana, "PLA-KG", "Plátano", {QStringLiteral("00042")}, 2400, true)));
    for (const auto &[id, code, name, kind, change] :
         {std::tuple{kCash, "CASH", "Efectivo", "cash", true},
          std::tuple{kCard, "CARD", "Tarjeta", "card", false}}) {
        POS_VERIFY_OK(run(QStringLiteral("put_tender"),
                          {{QStringLiteral("id"), id},
                           {QStringLiteral("code"), QString::fromLatin1(code)},
                           {QStringLiteral("name"), QString::fromLatin1(name)},
                           {QStringLiteral("kind"), QString::fromLatin1(kind)},
                           {QStringLiteral("opens_drawer"), change},
                           {QStringLiteral("gives_change"), change},
                           {QStringLiteral("active"), true}}));
    }
    // A cashier who may open the register but not discount much or override prices,
    // and a manager who may.
    const QString cashierRole = newId();
    const QString managerRole = newId();
    POS_VERIFY_OK(
            run(QStringLiteral("put_role"),
                {{QStringLiteral("id"), cashierRole},
                 {QStringLiteral("name"), QStringLiteral("cashier")},
                 {QStringLiteral("permissions"),
                  QJsonArray{QStringLiteral("register.open"), QStringLiteral("register.close")}},
                 {QStringLiteral("discount_limit_bp"), 1000}}));
    POS_VERIFY_OK(
            run(QStringLiteral("put_role"),
                {{QStringLiteral("id"), managerRole},
                 {QStringLiteral("name"), QStringLiteral("manager")},
                 {QStringLiteral("permissions"),
                  QJsonArray{QStringLiteral("register.close"),
                             QStringLiteral("sales.price_override"), QStringLiteral("sales.refund"),
                             QStringLiteral("sales.void"), QStringLiteral("sales.discount")}},
                 {QStringLiteral("discount_limit_bp"), 5000}}));
    m_cashierId = newId();
    const QString managerId = newId();
    for (const auto &[id, name, role, pin] : {std::tuple{m_cashierId, "ana", cashierRole, "1111"},
                                              std::tuple{managerId, "beto", managerRole, "2222"}}) {
        POS_VERIFY_OK(run(QStringLiteral("put_user"),
                          {{QStringLiteral("id"), id},
                           {QStringLiteral("user"),
                            QJsonObject{{QStringLiteral("id"), id},
                                        {QStringLiteral("username"), QString::fromLatin1(name)},
                                        {QStringLiteral("full_name"), QString::fromLatin1(name)},
                                        {QStringLiteral("role_ids"), QJsonArray{role}},
                                        {QStringLiteral("store_ids"), QJsonArray()},
                                        {QStringLiteral("language"), QStringLiteral("es")},
                                        {QStringLiteral("active"), true}}},
                           {QStringLiteral("pin"), QString::fromLatin1(pin)}}));
    }
    QVERIFY(!m_api.loginPin(QStringLiteral("1111")).isEmpty());
    m_session = newId();
    const auto opened = run(QStringLiteral("open_session"),
                            {{QStringLiteral("id"), m_session},
                             {QStringLiteral("register_id"), kRegister},
                             {QStringLiteral("opening_float"), 150000}});
    POS_VERIFY_OK(opened);
    QCOMPARE(opened->toObject().value(QStringLiteral("sequence")).toInteger(), 1);
}

} // namespace pos::storetest
