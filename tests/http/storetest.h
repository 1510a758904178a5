// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every store-operations test starts from: a store server (both engines, both
// bindings) with a store, a register, taxes, a coffee and weighed bananas, cash and card,
// a cashier (PIN 1111, 10 % discount limit) and a manager (PIN 2222), and an open session.

#include "support/apiharness.h"
#include "support/records.h"
#include "support/testsupport.h"

#include "core/api/httperror.h"

#include <QJsonArray>

namespace pos::storetest {

using namespace pos::test; // NOLINT(google-build-using-namespace): test fixture only

inline bool httpStatusIsClientError(ErrorCode code)
{
    const int status = httpStatus(code);
    return status >= 400 && status < 500;
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

inline const QString kCoffee = QStringLiteral("11111111-0000-4000-8000-000000000001");
inline const QString kBanana = QStringLiteral("11111111-0000-4000-8000-000000000002");
inline const QString kRegister = QStringLiteral("22222222-0000-4000-8000-000000000002");
inline const QString kCash = QStringLiteral("33333333-0000-4000-8000-000000000001");
inline const QString kCard = QStringLiteral("33333333-0000-4000-8000-000000000002");

inline QJsonObject line(const QString &product, const QString &name, qint64 milli, qint64 price,
                        qint64 total, qint64 discount = 0, bool overridden = false)
{
    return {{QStringLiteral("id"), newId()},
            {QStringLiteral("product_id"), product},
            {QStringLiteral("description"), name},
            {QStringLiteral("quantity"), milli},
            {QStringLiteral("unit_price"), price},
            {QStringLiteral("discount"), discount},
            {QStringLiteral("total"), total},
            {QStringLiteral("price_overridden"), overridden}};
}

inline QJsonObject payment(const QString &tender, qint64 amount)
{
    return {{QStringLiteral("id"), newId()},
            {QStringLiteral("tender_id"), tender},
            {QStringLiteral("amount"), amount},
            {QStringLiteral("reference"), QString()}};
}

} // namespace pos::storetest

namespace pos::storetest {

class StoreTest : public QObject
{
protected:
    ApiHarness m_api;
    QString m_session;
    QString m_cashierId;

    Result<QJsonValue> run(const QString &c, const QJsonObject &p = {}, const CallOptions &o = {})
    {
        return m_api.run(c, p, o);
    }

    QJsonObject sale(const QJsonArray &lines, const QJsonArray &payments, qint64 subtotal,
                     qint64 tax, qint64 total, qint64 change, qint64 ticketDiscount = 0)
    {
        return saleRecord(newId(),
                          {m_api.storeId().toString(QUuid::WithoutBraces), kRegister, m_session,
                           m_cashierId},
                          lines, payments, {subtotal, tax, total, change, ticketDiscount});
    }

    // Two coffees (89.00, IVA 16 % included) paid with 200.00 cash: 22.00 change.
    // 178.00 x 16/116 = 24.5517 -> 24.55.
    QJsonObject coffeeSale()
    {
        return sale({line(kCoffee, QStringLiteral("Café molido 500g"), 2000, 8900, 17800)},
                    {payment(kCash, 20000)}, 17800, 2455, 17800, 2200);
    }

    qint64 onHand(const QString &product)
    {
        const auto level = run(QStringLiteral("get_stock"), {{QStringLiteral("id"), product}});
        return level ? level->toObject().value(QStringLiteral("on_hand")).toInteger() : -999999;
    }

    // Builds the server and the store for the current data row.
    void startStore();
    void setUpStore();

    QJsonObject cashCount(qint64 hundreds, qint64 fifties, qint64 twenties, qint64 ones)
    {
        QJsonArray notes;
        for (const auto &[value, count] : {std::pair{10000, hundreds}, std::pair{5000, fifties},
                                           std::pair{2000, twenties}, std::pair{100, ones}}) {
            notes.append(QJsonObject{{QStringLiteral("value"), value},
                                     {QStringLiteral("count"), count}});
        }
        return {{QStringLiteral("tender_id"), kCash},
                {QStringLiteral("denominations"), notes},
                {QStringLiteral("amount"), 0}};
    }
};

} // namespace pos::storetest
