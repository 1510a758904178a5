// SPDX-License-Identifier: GPL-3.0-or-later
// Store operations through both bindings on both databases: scanning, opening a
// register, selling (totals recomputed, idempotent, gapless receipts), overrides and the
// stock ledger, with the audit chain checked at the end.
#include "servers/store/storeservices.h"
#include "support/apiharness.h"
#include "support/testsupport.h"

#include "core/api/httperror.h"
#include "core/sales/saletotals.h"

#include <QJsonArray>
#include <QRandomGenerator>

using namespace pos;
using namespace pos::test;

namespace {

bool httpStatusIsClientError(ErrorCode code)
{
    const int status = httpStatus(code);
    return status >= 400 && status < 500;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QString kCoffee = QStringLiteral("11111111-0000-4000-8000-000000000001");
const QString kBanana = QStringLiteral("11111111-0000-4000-8000-000000000002");
const QString kRegister = QStringLiteral("22222222-0000-4000-8000-000000000002");
const QString kCash = QStringLiteral("33333333-0000-4000-8000-000000000001");
const QString kCard = QStringLiteral("33333333-0000-4000-8000-000000000002");

QJsonObject line(const QString &product, const QString &name, qint64 milli, qint64 price,
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

QJsonObject payment(const QString &tender, qint64 amount)
{
    return {{QStringLiteral("id"), newId()},
            {QStringLiteral("tender_id"), tender},
            {QStringLiteral("amount"), amount},
            {QStringLiteral("reference"), QString()}};
}

} // namespace

class TestSales : public QObject
{
    Q_OBJECT

private:
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
        return {{QStringLiteral("id"), newId()},
                {QStringLiteral("store_id"), m_api.storeId().toString(QUuid::WithoutBraces)},
                {QStringLiteral("register_id"), kRegister},
                {QStringLiteral("session_id"), m_session},
                {QStringLiteral("cashier_id"), m_cashierId},
                {QStringLiteral("customer_id"), QJsonValue()},
                {QStringLiteral("sales_rep_id"), QJsonValue()},
                {QStringLiteral("original_sale_id"), QJsonValue()},
                {QStringLiteral("receipt_number"), QString()},
                {QStringLiteral("kind"), QStringLiteral("sale")},
                {QStringLiteral("status"), QStringLiteral("completed")},
                {QStringLiteral("business_date"), QDate::currentDate().toString(Qt::ISODate)},
                {QStringLiteral("created_at"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                {QStringLiteral("language"), QStringLiteral("es")},
                {QStringLiteral("lines"), lines},
                {QStringLiteral("payments"), payments},
                {QStringLiteral("ticket_discount"), ticketDiscount},
                {QStringLiteral("subtotal"), subtotal},
                {QStringLiteral("tax_total"), tax},
                {QStringLiteral("total"), total},
                {QStringLiteral("change"), change}};
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

    void setUpStore()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const QString store = m_api.storeId().toString(QUuid::WithoutBraces);
        const QString dept = newId();
        const QString iva = newId();
        const QList<std::pair<QString, QJsonObject>> puts{
                {QStringLiteral("put_store"),
                 {{QStringLiteral("id"), store},
                  {QStringLiteral("code"), QStringLiteral("ST01")},
                  {QStringLiteral("name"), QStringLiteral("Centro")},
                  {QStringLiteral("address"), QString()},
                  {QStringLiteral("time_zone"), QStringLiteral("America/Mexico_City")},
                  {QStringLiteral("currency"), QStringLiteral("MXN")},
                  {QStringLiteral("price_mode"), QStringLiteral("tax_inclusive")},
                  {QStringLiteral("tax_scope"), QStringLiteral("per_line")},
                  {QStringLiteral("rounding"), QStringLiteral("half_up")},
                  {QStringLiteral("active"), true}}},
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
                 {{QStringLiteral("id"), iva},
                  {QStringLiteral("code"), QStringLiteral("IVA16")},
                  {QStringLiteral("name"), QStringLiteral("IVA 16 %")},
                  {QStringLiteral("rate"), QStringLiteral("16")},
                  {QStringLiteral("kind"), QStringLiteral("standard")},
                  {QStringLiteral("compound"), false},
                  {QStringLiteral("active"), true}}},
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
        const auto product = [&](const QString &id, const char *sku, const char *name,
                                 QJsonArray codes, qint64 price, bool weighed) {
            return QJsonObject{{QStringLiteral("id"), id},
                               {QStringLiteral("sku"), QString::fromLatin1(sku)},
                               {QStringLiteral("barcodes"), codes},
                               {QStringLiteral("name"), QString::fromUtf8(name)},
                               {QStringLiteral("department_id"), dept},
                               {QStringLiteral("supplier_id"), QJsonValue()},
                               {QStringLiteral("price"), price},
                               {QStringLiteral("cost"), price / 2},
                               {QStringLiteral("tax_ids"), QJsonArray{iva}},
                               {QStringLiteral("tax_included"), true},
                               {QStringLiteral("weighed"), weighed},
                               {QStringLiteral("active"), true}};
        };
        POS_VERIFY_OK(run(QStringLiteral("put_product"),
                          product(kCoffee, "CAF-500", "Café molido 500g",
                                  {QStringLiteral("7501234567893")}, 8900, false)));
        POS_VERIFY_OK(
                run(QStringLiteral("put_product"),
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
                     {QStringLiteral("permissions"), QJsonArray{QStringLiteral("register.open"),
                                                                QStringLiteral("register.close")}},
                     {QStringLiteral("discount_limit_bp"), 1000}}));
        POS_VERIFY_OK(run(QStringLiteral("put_role"),
                          {{QStringLiteral("id"), managerRole},
                           {QStringLiteral("name"), QStringLiteral("manager")},
                           {QStringLiteral("permissions"),
                            QJsonArray{QStringLiteral("register.close"),
                                       QStringLiteral("sales.price_override"),
                                       QStringLiteral("sales.refund"), QStringLiteral("sales.void"),
                                       QStringLiteral("sales.discount")}},
                           {QStringLiteral("discount_limit_bp"), 5000}}));
        m_cashierId = newId();
        const QString managerId = newId();
        for (const auto &[id, name, role, pin] :
             {std::tuple{m_cashierId, "ana", cashierRole, "1111"},
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

private slots:
    void initTestCase_data() { ApiHarness::addRows(); }
    void init()
    {
        POS_VERIFY_OK(m_api.start(ServerRole::Store, registerStoreHandlers));
        setUpStore();
    }
    void cleanup() { m_api.stop(); }

    // A scan finds its product by barcode or SKU; in-store labels carry the weight; a
    // misread code is refused; an unknown one is "not found", never a guess.
    void scanning()
    {
        const auto coffee = run(QStringLiteral("lookup_barcode"),
                                {{QStringLiteral("code"), QStringLiteral("7501234567893")}});
        POS_VERIFY_OK(coffee);
        QCOMPARE(coffee->toObject().value(QStringLiteral("unit_price")).toInteger(), 8900);
        // 21 00042 01250 9: 1.250 kg of item 00042
        const auto banana = run(QStringLiteral("lookup_barcode"),
                                {{QStringLiteral("code"), QStringLiteral("2100042012509")}});
        POS_VERIFY_OK(banana);
        QCOMPARE(banana->toObject().value(QStringLiteral("quantity")).toInteger(), 1250);
        QCOMPARE(banana->toObject()
                         .value(QStringLiteral("product"))
                         .toObject()
                         .value(QStringLiteral("sku"))
                         .toString(),
                 QStringLiteral("PLA-KG"));
        QCOMPARE(run(QStringLiteral("lookup_barcode"),
                     {{QStringLiteral("code"), QStringLiteral("7501234567894")}})
                         .error()
                         .code,
                 ErrorCode::Validation);
        QCOMPARE(run(QStringLiteral("lookup_barcode"),
                     {{QStringLiteral("code"), QStringLiteral("4006381333931")}})
                         .error()
                         .code,
                 ErrorCode::NotFound);
        QCOMPARE(run(QStringLiteral("lookup_barcode"),
                     {{QStringLiteral("code"), QStringLiteral("CAF-500")}})
                         ->toObject()
                         .value(QStringLiteral("embedded"))
                         .toBool(),
                 false);
    }

    // A register opens once; a second session on it is refused until it closes.
    void registerOpensOnce()
    {
        QCOMPARE(run(QStringLiteral("open_session"), {{QStringLiteral("id"), newId()},
                                                      {QStringLiteral("register_id"), kRegister},
                                                      {QStringLiteral("opening_float"), 0}})
                         .error()
                         .code,
                 ErrorCode::Conflict);
        POS_VERIFY_OK(
                run(QStringLiteral("open_session"), {{QStringLiteral("id"), m_session},
                                                     {QStringLiteral("register_id"), kRegister},
                                                     {QStringLiteral("opening_float"), 150000}}));
    }

    // A cash sale is stored with its receipt number, moves stock, and is stored once
    // however often it is sent; the same id with other content is a conflict.
    void cashSaleOnceOnly()
    {
        const QJsonObject request = coffeeSale();
        const auto stored = run(QStringLiteral("create_sale"), request);
        POS_VERIFY_OK(stored);
        QCOMPARE(stored->toObject().value(QStringLiteral("receipt_number")).toString(),
                 QStringLiteral("ST01-02-000001"));
        QCOMPARE(onHand(kCoffee), -2000); // negative stock is allowed and reported
        const auto again = run(QStringLiteral("create_sale"), request);
        POS_VERIFY_OK(again);
        QCOMPARE(again->toObject(), stored->toObject());
        QCOMPARE(onHand(kCoffee), -2000);
        QJsonObject changed = request;
        changed.insert(QStringLiteral("language"), QStringLiteral("en"));
        QCOMPARE(run(QStringLiteral("create_sale"), changed).error().code, ErrorCode::Conflict);
        const auto read = run(QStringLiteral("get_sale"),
                              {{QStringLiteral("id"), request.value(QStringLiteral("id"))}});
        POS_VERIFY_OK(read);
        QCOMPARE(read->toObject(), stored->toObject());
    }

    // A weighed item and a split card + cash payment: 1.250 kg x 24.00 = 30.00 (tax
    // 30 x 16/116 = 4.1379 -> 4.14) plus the coffees: 208.00, tax 24.55 + 4.14 = 28.69.
    void splitTenderWithWeighedItem()
    {
        const QJsonObject s = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8900, 17800),
                                    line(kBanana, QStringLiteral("Plátano"), 1250, 2400, 3000)},
                                   {payment(kCard, 10000), payment(kCash, 11000)}, 20800, 2869,
                                   20800, 200);
        const auto stored = run(QStringLiteral("create_sale"), s);
        POS_VERIFY_OK(stored);
        QCOMPARE(onHand(kBanana), -1250);
        // Paying more than due on the card alone is refused: a card gives no change.
        const QJsonObject card = sale({line(kCoffee, QStringLiteral("Café"), 1000, 8900, 8900)},
                                      {payment(kCard, 10000)}, 8900, 1228, 8900, 1100);
        QCOMPARE(run(QStringLiteral("create_sale"), card).error().code, ErrorCode::Validation);
        const QJsonObject short_ = sale({line(kCoffee, QStringLiteral("Café"), 1000, 8900, 8900)},
                                        {payment(kCash, 5000)}, 8900, 1228, 8900, 0);
        QCOMPARE(run(QStringLiteral("create_sale"), short_).error().code, ErrorCode::Validation);
    }

    // A tax-exempt customer (an embassy) pays the shelf price without its included IVA:
    // 178.00 / 1.16 = 153.4483 -> 153.45, no tax.
    void exemptCustomerPaysNoTax()
    {
        const QString embassy = newId();
        POS_VERIFY_OK(run(QStringLiteral("put_customer"),
                          {{QStringLiteral("id"), embassy},
                           {QStringLiteral("code"), QString()},
                           {QStringLiteral("name"), QStringLiteral("Embajada")},
                           {QStringLiteral("email"), QString()},
                           {QStringLiteral("phone"), QString()},
                           {QStringLiteral("tax_id"), QString()},
                           {QStringLiteral("tax_exempt"), true},
                           {QStringLiteral("active"), true}}));
        QJsonObject s = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8900, 17800)},
                             {payment(kCash, 15345)}, 17800, 0, 15345, 0);
        s.insert(QStringLiteral("customer_id"), embassy);
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), s));
        QJsonObject unknown = coffeeSale();
        unknown.insert(QStringLiteral("customer_id"), newId());
        QCOMPARE(run(QStringLiteral("create_sale"), unknown).error().message,
                 QStringLiteral("customer_id: no such customer"));
    }

    // Totals that disagree with the store's computation are refused with the right ones.
    void totalsAreRecomputed()
    {
        QJsonObject wrong = coffeeSale();
        wrong.insert(QStringLiteral("tax_total"), 2456);
        const auto refused = run(QStringLiteral("create_sale"), wrong);
        QCOMPARE(refused.error().code, ErrorCode::Validation);
        QVERIFY(refused.error().details.contains(QStringLiteral("tax_total: 2455")));
        QJsonObject fractional = coffeeSale();
        QJsonArray lines = fractional.value(QStringLiteral("lines")).toArray();
        QJsonObject l = lines[0].toObject();
        l.insert(QStringLiteral("quantity"), 1500);
        lines[0] = l;
        fractional.insert(QStringLiteral("lines"), lines);
        QCOMPARE(run(QStringLiteral("create_sale"), fractional).error().message,
                 QStringLiteral("lines[0].quantity: this product sells in whole units"));
    }

    // A price override or a discount beyond the cashier's limit needs a manager's PIN,
    // and the audit log names both people.
    void overridesNeedAManager()
    {
        // Coffee at 80.00 instead of 89.00: 160.00, tax 160 x 16/116 = 22.0690 -> 22.07.
        const QJsonObject cheaper = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8000, 16000,
                                               0, true)},
                                         {payment(kCash, 16000)}, 16000, 2207, 16000, 0);
        QCOMPARE(run(QStringLiteral("create_sale"), cheaper).error().code, ErrorCode::Forbidden);
        POS_VERIFY_OK(
                run(QStringLiteral("create_sale"), cheaper, CallOptions{QStringLiteral("2222")}));
        // 20 % off 89.00 = 17.80 over a 10 % limit: 71.20, tax 71.20 x 16/116 = 9.8207 -> 9.82.
        const QJsonObject discounted = sale({line(kCoffee, QStringLiteral("Café"), 1000, 8900, 7120,
                                                  1780)},
                                            {payment(kCash, 7120)}, 7120, 982, 7120, 0);
        QCOMPARE(run(QStringLiteral("create_sale"), discounted).error().code, ErrorCode::Forbidden);
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), discounted,
                          CallOptions{QStringLiteral("2222")}));
        auto conn = m_api.db().connection();
        auto q = exec(
                *conn,
                QStringLiteral(
                        "SELECT l.action, u.username, a.username FROM audit_log l JOIN users u ON "
                        "u.id = l.user_id JOIN users a ON a.id = l.approver_id WHERE l.action LIKE "
                        "'sale.%' ORDER BY l.seq"));
        POS_VERIFY_OK(q);
        QStringList rows;
        while (q->next()) {
            rows << q->value(0).toString() + QLatin1Char(' ') + q->value(1).toString()
                            + QLatin1Char(' ') + q->value(2).toString();
        }
        QCOMPARE(rows, (QStringList{QStringLiteral("sale.price_override ana beto"),
                                    QStringLiteral("sale.discount_over_limit ana beto")}));
        const auto audit = run(QStringLiteral("verify_audit"));
        QCOMPARE(audit.error().code, ErrorCode::Forbidden); // a cashier does not read the audit
    }

    // Receipt numbers have no gaps and no repeats when many sales arrive at once.
    void receiptsGaplessUnderLoad()
    {
        constexpr int kSales = 24;
        int pending = kSales;
        QStringList receipts;
        for (int i = 0; i < kSales; ++i) {
            m_api.backend().execute(QStringLiteral("create_sale"), coffeeSale(),
                                    [&](Result<QJsonValue> r) {
                                        if (r) {
                                            receipts << r->toObject()
                                                                .value(QStringLiteral(
                                                                        "receipt_number"))
                                                                .toString();
                                        } else {
                                            qWarning() << r.error().message;
                                        }
                                        --pending;
                                    });
        }
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 60000);
        QCOMPARE(receipts.size(), kSales);
        receipts.sort();
        for (int i = 0; i < kSales; ++i) {
            QCOMPARE(receipts[i], QStringLiteral("ST01-02-%1").arg(i + 1, 6, 10, QLatin1Char('0')));
        }
    }

    // On-hand is the last count plus what moved after it, in whatever order movements
    // arrive; adjustments need a reason.
    void stockLedger()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const auto movement = [&](const char *kind, const char *reason, qint64 milli,
                                  const QDateTime &when) {
            return QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("store_id"),
                                m_api.storeId().toString(QUuid::WithoutBraces)},
                               {QStringLiteral("product_id"), kCoffee},
                               {QStringLiteral("kind"), QString::fromLatin1(kind)},
                               {QStringLiteral("reason"), QString::fromLatin1(reason)},
                               {QStringLiteral("quantity"), milli},
                               {QStringLiteral("reference_id"), QJsonValue()},
                               {QStringLiteral("user_id"), QJsonValue()},
                               {QStringLiteral("business_date"), when.date().toString(Qt::ISODate)},
                               {QStringLiteral("occurred_at"), when.toString(Qt::ISODateWithMs)}};
        };
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("adjustment", "correction", 5000, t0)));
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("count", "none", 10000, t0.addSecs(60))));
        QCOMPARE(onHand(kCoffee), 10000);
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("adjustment", "damage", -1000, t0.addSecs(120))));
        // Arrives late but happened before the count: the count already saw it.
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("adjustment", "theft", -3000, t0.addSecs(30))));
        QCOMPARE(onHand(kCoffee), 9000);
        QCOMPARE(run(QStringLiteral("record_stock_movement"),
                     movement("adjustment", "none", -1000, t0))
                         .error()
                         .code,
                 ErrorCode::Validation);
        POS_VERIFY_OK(run(QStringLiteral("record_stock_movement"),
                          movement("receiving", "none", 12000, t0.addSecs(180))));
        QCOMPARE(onHand(kCoffee), 21000);
        QCOMPARE(run(QStringLiteral("record_stock_movement"),
                     movement("receiving", "none", -1000, t0))
                         .error()
                         .code,
                 ErrorCode::Validation);
        QCOMPARE(run(QStringLiteral("record_stock_movement"), movement("sale", "none", -1000, t0))
                         .error()
                         .code,
                 ErrorCode::Validation);
        const auto audit = run(QStringLiteral("verify_audit"));
        POS_VERIFY_OK(audit);
        QCOMPARE(audit->toObject().value(QStringLiteral("intact")).toBool(), true);
        QVERIFY(audit->toObject().value(QStringLiteral("rows")).toInteger() > 10);
    }

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

    // The cashier counts blind. A count that matches closes the register; the cashier
    // cannot see the expected figures before, and the closed register sells no more.
    // Float 1500.00 + cash 200.00 - change 22.00 = 1678.00 expected.
    void blindCloseMatching()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        QCOMPARE(run(QStringLiteral("get_session_report"), {{QStringLiteral("id"), m_session}})
                         .error()
                         .code,
                 ErrorCode::Forbidden);
        const auto report = run(QStringLiteral("close_session"),
                                {{QStringLiteral("id"), m_session},
                                 {QStringLiteral("counts"), QJsonArray{cashCount(16, 1, 1, 8)}}});
        POS_VERIFY_OK(report);
        const QJsonObject r = report->toObject();
        QCOMPARE(r.value(QStringLiteral("difference")).toInteger(), 0);
        QCOMPARE(r.value(QStringLiteral("sales")).toInteger(), 1);
        for (const auto &t : r.value(QStringLiteral("tenders")).toArray()) {
            const QJsonObject tender = t.toObject();
            if (tender.value(QStringLiteral("tender_id")).toString() == kCash) {
                QCOMPARE(tender.value(QStringLiteral("expected")).toInteger(), 167800);
                QCOMPARE(tender.value(QStringLiteral("counted")).toInteger(), 167800);
            }
        }
        QCOMPARE(run(QStringLiteral("create_sale"), coffeeSale()).error().code, ErrorCode::Conflict);
        // Closing again answers the same report.
        QCOMPARE(run(QStringLiteral("close_session"),
                     {{QStringLiteral("id"), m_session}, {QStringLiteral("counts"), QJsonArray()}})
                         ->toObject(),
                 r);
    }

    // Paid-in, paid-out and drops move the expected cash: 1500.00 float + 178.00 sold
    // + 100.00 in - 30.00 out - 1000.00 dropped = 748.00. A movement sent twice counts once.
    void cashMovementsMoveExpected()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const auto movement = [&](const char *kind, qint64 amount, const char *reason) {
            return QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("session_id"), m_session},
                               {QStringLiteral("kind"), QString::fromLatin1(kind)},
                               {QStringLiteral("amount"), amount},
                               {QStringLiteral("reason"), QString::fromLatin1(reason)}};
        };
        const QJsonObject paidIn = movement("paid_in", 10000, "change from the bank");
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"), paidIn));
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"), paidIn));
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"),
                          movement("paid_out", 3000, "window cleaner")));
        POS_VERIFY_OK(run(QStringLiteral("record_cash_movement"),
                          movement("drop", 100000, "to the safe")));
        QCOMPARE(run(QStringLiteral("record_cash_movement"), movement("paid_out", 0, "nothing"))
                         .error()
                         .code,
                 ErrorCode::Validation);
        const auto report = run(QStringLiteral("close_session"),
                                {{QStringLiteral("id"), m_session},
                                 {QStringLiteral("counts"), QJsonArray{cashCount(7, 0, 2, 8)}}});
        POS_VERIFY_OK(report);
        QCOMPARE(report->toObject().value(QStringLiteral("difference")).toInteger(), 0);
    }

    // With the threshold raised to 10.00, being 8.00 short needs no manager.
    void closeThresholdIsASetting()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        POS_VERIFY_OK(run(QStringLiteral("put_setting"),
                          {{QStringLiteral("name"), QStringLiteral("close_threshold_cents")},
                           {QStringLiteral("value"), QStringLiteral("1000")}}));
        QVERIFY(!m_api.loginPin(QStringLiteral("1111")).isEmpty());
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const auto closed = run(QStringLiteral("close_session"),
                                {{QStringLiteral("id"), m_session},
                                 {QStringLiteral("counts"), QJsonArray{cashCount(16, 1, 1, 0)}}});
        POS_VERIFY_OK(closed);
        QCOMPARE(closed->toObject().value(QStringLiteral("difference")).toInteger(), -800);
        QVERIFY(closed->toObject().value(QStringLiteral("approved_by")).isNull());
    }

    // 8.00 short is beyond the 5.00 threshold: a manager signs off with a reason.
    void blindCloseShortNeedsManager()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const QJsonObject body{{QStringLiteral("id"), m_session},
                               {QStringLiteral("counts"), QJsonArray{cashCount(16, 1, 1, 0)}},
                               {QStringLiteral("reason"),
                                QStringLiteral("coins dropped behind the till")}};
        const auto refused = run(QStringLiteral("close_session"), body);
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QVERIFY(refused.error().message.contains(QStringLiteral("-8.00")));
        QCOMPARE(run(QStringLiteral("close_session"), body, CallOptions{QStringLiteral("1111")})
                         .error()
                         .code,
                 ErrorCode::Forbidden); // the cashier cannot sign her own count
        const auto closed = run(QStringLiteral("close_session"), body,
                                CallOptions{QStringLiteral("2222")});
        POS_VERIFY_OK(closed);
        QCOMPARE(closed->toObject().value(QStringLiteral("difference")).toInteger(), -800);
        // The threshold is a setting; the PIN key next to it is not.
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        POS_VERIFY_OK(run(QStringLiteral("put_setting"),
                          {{QStringLiteral("name"), QStringLiteral("close_threshold_cents")},
                           {QStringLiteral("value"), QStringLiteral("1000")}}));
        QCOMPARE(run(QStringLiteral("put_setting"),
                     {{QStringLiteral("name"), QStringLiteral("pin_key")},
                      {QStringLiteral("value"), QStringLiteral("00")}})
                         .error()
                         .code,
                 ErrorCode::Validation);
        QVERIFY(!closed->toObject().value(QStringLiteral("approved_by")).isNull());
        auto conn = m_api.db().connection();
        auto q = exec(
                *conn,
                QStringLiteral(
                        "SELECT reason FROM audit_log WHERE action = 'register.close_difference'"));
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("coins dropped behind the till"));
    }

    // Every kind of bad input gets a 4xx-class error and leaves the database as it was.
    void badInputChangesNothing()
    {
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), coffeeSale()));
        const QStringList tables{QStringLiteral("sales"),
                                 QStringLiteral("sale_lines"),
                                 QStringLiteral("sale_payments"),
                                 QStringLiteral("stock_movements"),
                                 QStringLiteral("products"),
                                 QStringLiteral("product_barcodes"),
                                 QStringLiteral("audit_log")};
        const auto counts = [&] {
            QStringList out;
            auto conn = m_api.db().connection();
            for (const QString &t : tables) {
                auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM ") + t);
                out << t + QLatin1Char('=')
                                + (q && q->next() ? q->value(0).toString() : QStringLiteral("?"));
            }
            return out;
        };
        const QStringList before = counts();
        const auto withLine = [&](const char *field, const QJsonValue &value) {
            QJsonObject bad = coffeeSale();
            QJsonArray lines = bad.value(QStringLiteral("lines")).toArray();
            QJsonObject l = lines[0].toObject();
            l.insert(QString::fromLatin1(field), value);
            lines[0] = l;
            bad.insert(QStringLiteral("lines"), lines);
            return bad;
        };
        QJsonObject uncovered = coffeeSale();
        uncovered.insert(QStringLiteral("payments"), QJsonArray{payment(kCash, 100)});
        QJsonObject huge = coffeeSale();
        huge.insert(QStringLiteral("total"), 1e300);
        QJsonObject longLanguage = coffeeSale();
        longLanguage.insert(QStringLiteral("language"), QString(50, QLatin1Char('x')));
        // Each bad input, and a piece of the message it must get (so it fails for its reason).
        const QList<std::tuple<QString, QJsonObject, QString>> saleAttempts{
                {QStringLiteral("create_sale"), withLine("quantity", -1000),
                 QStringLiteral("must be positive")},
                {QStringLiteral("create_sale"), withLine("quantity", 0),
                 QStringLiteral("must not be zero")},
                {QStringLiteral("create_sale"), withLine("product_id", newId()),
                 QStringLiteral("no such product")},
                {QStringLiteral("create_sale"),
                 withLine("description", QString(500, QLatin1Char('x'))),
                 QStringLiteral("at most 120")},
                {QStringLiteral("create_sale"), uncovered, QStringLiteral("does not cover")},
                {QStringLiteral("create_sale"), huge, QStringLiteral("out of range")},
                {QStringLiteral("create_sale"), longLanguage, QStringLiteral("at most 5")},
        };
        const QJsonObject twin{{QStringLiteral("id"), newId()},
                               {QStringLiteral("sku"), QStringLiteral("X")},
                               {QStringLiteral("barcodes"),
                                QJsonArray{QStringLiteral("7501234567893")}},
                               {QStringLiteral("name"), QStringLiteral("Copia")},
                               {QStringLiteral("department_id"), QJsonValue()},
                               {QStringLiteral("supplier_id"), QJsonValue()},
                               {QStringLiteral("price"), 100},
                               {QStringLiteral("cost"), 50},
                               {QStringLiteral("tax_ids"), QJsonArray()},
                               {QStringLiteral("tax_included"), true},
                               {QStringLiteral("weighed"), false},
                               {QStringLiteral("active"), true}};
        for (const auto &[command, body, expected] : saleAttempts) {
            const auto r = run(command, body);
            QVERIFY2(!r, qPrintable(command));
            QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
            QVERIFY(httpStatusIsClientError(r.error().code));
            QCOMPARE(counts(), before);
        }
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        QJsonObject duplicateBarcode = twin;
        duplicateBarcode.insert(QStringLiteral("department_id"),
                                run(QStringLiteral("get_product"), {{QStringLiteral("id"), kCoffee}})
                                        ->toObject()
                                        .value(QStringLiteral("department_id")));
        const auto dup = run(QStringLiteral("put_product"), duplicateBarcode);
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
        QVERIFY(dup.error().message.contains(QStringLiteral("7501234567893")));
        QCOMPARE(counts(), before);
    }

    // A return against a receipt refunds what was paid: line discount and ticket-discount
    // share stay off, the last part takes the remaining cents, nothing comes back twice.
    // The sale: 2 coffees 178.00 + 1.250 kg bananas 30.00, ticket discount 10.00 split
    // 8.56 / 1.44 (178/208 of it is 8.5577, 30/208 is 1.4423; the spare cent to the larger
    // remainder). Paid: coffees 169.44, bananas 28.56. Tax 169.44 x 16/116 = 23.3710 ->
    // 23.37, 28.56 x 16/116 = 3.9393 -> 3.94: 27.31; total 198.00, cash 200.00, change 2.00.
    void returnAgainstReceipt()
    {
        QJsonObject original = sale({line(kCoffee, QStringLiteral("Café"), 2000, 8900, 17800),
                                     line(kBanana, QStringLiteral("Plátano"), 1250, 2400, 3000)},
                                    {payment(kCash, 20000)}, 19800, 2731, 19800, 200, 1000);
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), original));
        const QString coffeeLine = original.value(QStringLiteral("lines"))
                                           .toArray()[0]
                                           .toObject()
                                           .value(QStringLiteral("id"))
                                           .toString();
        // One coffee back: 169.44 / 2 = 84.72; its discount 89.00 - 84.72 = 4.28;
        // tax 84.72 x 16/116 = 11.6855 -> 11.69.
        const auto giveBack = [&](qint64 milli, qint64 discount, qint64 total, qint64 tax) {
            QJsonObject l = line(kCoffee, QStringLiteral("Café"), -milli, 8900, -total, discount);
            l.insert(QStringLiteral("original_line_id"), coffeeLine);
            QJsonObject r = sale({l}, {payment(kCash, -total)}, -total, -tax, -total, 0);
            r.insert(QStringLiteral("kind"), QStringLiteral("return"));
            r.insert(QStringLiteral("original_sale_id"), original.value(QStringLiteral("id")));
            return run(QStringLiteral("create_sale"), r);
        };
        QCOMPARE(onHand(kCoffee), -2000);
        POS_VERIFY_OK(giveBack(1000, 428, 8472, 1169));
        QCOMPARE(giveBack(2000, 856, 16944, 2337).error().message,
                 QStringLiteral("lines[0].quantity: only 1 left to return"));
        // The last coffee takes the remaining 169.44 - 84.72 = 84.72.
        POS_VERIFY_OK(giveBack(1000, 428, 8472, 1169));
        QCOMPARE(giveBack(1000, 428, 8472, 1169).error().message,
                 QStringLiteral("lines[0].quantity: only 0 left to return"));
        QCOMPARE(onHand(kCoffee), 0);
        // A return that asks for more money than was paid is refused with the right figure.
        QCOMPARE(giveBack(1000, 0, 8900, 1228).error().code, ErrorCode::Validation);
    }

    // Without a receipt a return is at today's price and needs sales.refund (a manager).
    // 89.00 back, tax 89 x 16/116 = 12.2759 -> 12.28.
    void blindReturnNeedsRefundPermission()
    {
        QJsonObject r = sale({line(kCoffee, QStringLiteral("Café"), -1000, 8900, -8900)},
                             {payment(kCash, -8900)}, -8900, -1228, -8900, 0);
        r.insert(QStringLiteral("kind"), QStringLiteral("return"));
        QCOMPARE(run(QStringLiteral("create_sale"), r).error().code, ErrorCode::Forbidden);
        const auto done = run(QStringLiteral("create_sale"), r, CallOptions{QStringLiteral("2222")});
        POS_VERIFY_OK(done);
        QCOMPARE(onHand(kCoffee), 1000);
        QJsonObject positive = r;
        positive.insert(QStringLiteral("id"), newId());
        positive.insert(QStringLiteral("payments"), QJsonArray{payment(kCash, 8900)});
        QCOMPARE(run(QStringLiteral("create_sale"), positive, CallOptions{QStringLiteral("2222")})
                         .error()
                         .code,
                 ErrorCode::Validation);
    }

    // A parked ticket is visible to the store and comes back once: of two tills recalling
    // it together, exactly one gets it.
    void holdAndRecall()
    {
        QJsonObject draft = coffeeSale();
        draft.insert(QStringLiteral("status"), QStringLiteral("held"));
        const QString ticketId = newId();
        const QJsonObject held{{QStringLiteral("id"), ticketId},
                               {QStringLiteral("label"), QStringLiteral("abrigo rojo")},
                               {QStringLiteral("sale"), draft}};
        POS_VERIFY_OK(run(QStringLiteral("hold_ticket"), held));
        POS_VERIFY_OK(run(QStringLiteral("hold_ticket"), held)); // a retry keeps one
        const auto list = run(QStringLiteral("get_held_tickets"));
        POS_VERIFY_OK(list);
        QCOMPARE(list->toObject().value(QStringLiteral("items")).toArray().size(), 1);
        int recalled = 0;
        int missing = 0;
        int pending = 2;
        QJsonObject recalledSale;
        for (int i = 0; i < 2; ++i) {
            m_api.backend().execute(QStringLiteral("recall_ticket"),
                                    {{QStringLiteral("id"), ticketId}}, [&](Result<QJsonValue> r) {
                                        if (r) {
                                            ++recalled;
                                            recalledSale = r->toObject()
                                                                   .value(QStringLiteral("sale"))
                                                                   .toObject();
                                        } else if (r.error().code == ErrorCode::NotFound) {
                                            ++missing;
                                        }
                                        --pending;
                                    });
        }
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 20000);
        QCOMPARE(recalled, 1);
        QCOMPARE(missing, 1);
        // The ticket comes back as it was parked (the store writes its optional fields out).
        const auto asParked = json::parse<Sale>(draft);
        const auto asRecalled = json::parse<Sale>(recalledSale);
        POS_VERIFY_OK(asParked);
        POS_VERIFY_OK(asRecalled);
        QVERIFY(*asParked == *asRecalled);
        QCOMPARE(run(QStringLiteral("get_held_tickets"))
                         ->toObject()
                         .value(QStringLiteral("items"))
                         .toArray()
                         .size(),
                 0);
        QJsonObject notHeld = held;
        notHeld.insert(QStringLiteral("id"), newId());
        notHeld.insert(QStringLiteral("sale"), coffeeSale());
        QCOMPARE(run(QStringLiteral("hold_ticket"), notHeld).error().code, ErrorCode::Validation);
    }

    // Voiding a ticket in progress is audited; voiding a completed sale needs sales.void,
    // brings the stock back and takes the sale out of the register's figures.
    void voids()
    {
        const QJsonObject inProgress{{QStringLiteral("id"), newId()},
                                     {QStringLiteral("register_id"), kRegister},
                                     {QStringLiteral("reason"), QStringLiteral("customer left")},
                                     {QStringLiteral("total"), 17800}};
        POS_VERIFY_OK(run(QStringLiteral("void_ticket"), inProgress));
        const QJsonObject sold = coffeeSale();
        POS_VERIFY_OK(run(QStringLiteral("create_sale"), sold));
        QJsonObject wrongVoid = inProgress;
        wrongVoid.insert(QStringLiteral("id"), sold.value(QStringLiteral("id")));
        QCOMPARE(run(QStringLiteral("void_ticket"), wrongVoid).error().code, ErrorCode::Conflict);
        QCOMPARE(onHand(kCoffee), -2000);
        QCOMPARE(run(QStringLiteral("void_sale"), wrongVoid).error().code, ErrorCode::Forbidden);
        const auto voided = run(QStringLiteral("void_sale"), wrongVoid,
                                CallOptions{QStringLiteral("2222")});
        POS_VERIFY_OK(voided);
        QCOMPARE(voided->toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("voided"));
        QCOMPARE(onHand(kCoffee), 0);
        POS_VERIFY_OK(
                run(QStringLiteral("void_sale"), wrongVoid, CallOptions{QStringLiteral("2222")}));
        QCOMPARE(onHand(kCoffee), 0); // twice is once
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const auto x = run(QStringLiteral("get_session_report"),
                           {{QStringLiteral("id"), m_session}});
        POS_VERIFY_OK(x);
        QCOMPARE(x->toObject().value(QStringLiteral("sales")).toInteger(), 0);
        auto conn = m_api.db().connection();
        auto q = exec(*conn,
                      QStringLiteral(
                              "SELECT action FROM audit_log WHERE action IN ('ticket.voided', "
                              "'sale.voided') ORDER BY seq"));
        QStringList actions;
        while (q && q->next()) {
            actions << q->value(0).toString();
        }
        QCOMPARE(actions,
                 (QStringList{QStringLiteral("ticket.voided"), QStringLiteral("sale.voided")}));
    }

    // Every local report adds up to the tickets it covers, on generated sales with
    // weighed items, ticket discounts, split tenders and change.
    void reportsAddUp()
    {
        QRandomGenerator random(20261128);
        const TaxRule iva{QStringLiteral("IVA16"), QStringLiteral("IVA"),
                          TaxRate::fromBasisPoints(1600)};
        const TaxPolicy policy{PriceMode::TaxInclusive, RoundingScope::PerLine, Rounding::HalfUp};
        qint64 expected = 0;
        constexpr int kSales = 15;
        for (int n = 0; n < kSales; ++n) {
            const qint64 coffees = qint64(1000) * random.bounded(1, 4);
            const qint64 grams = random.bounded(200, 2500);
            const QList<PricedLine>
                    priced{{Money::fromMinor(8900), Quantity::fromMilli(coffees), Money(), {iva}},
                           {Money::fromMinor(2400), Quantity::fromMilli(grams), Money(), {iva}}};
            const Money discount = Money::fromMinor(random.bounded(0, 300));
            const auto totals = computeSaleTotals(priced, discount, policy,
                                                  CustomerTaxStatus::Taxable);
            POS_VERIFY_OK(totals);
            const qint64 total = totals->total.minor();
            const qint64 card = random.bounded(0, 2) == 0 ? 0 : total / 2;
            const qint64 cash = ((total - card) / 1000 + 1) * 1000; // notes: change comes back
            QJsonArray payments{payment(kCash, cash)};
            if (card > 0) {
                payments.append(payment(kCard, card));
            }
            const QJsonObject s = sale({line(kCoffee, QStringLiteral("Café"), coffees, 8900,
                                             totals->lineTotals[0].minor()),
                                        line(kBanana, QStringLiteral("Plátano"), grams, 2400,
                                             totals->lineTotals[1].minor())},
                                       payments, totals->subtotal.minor(), totals->taxTotal.minor(),
                                       total, card + cash - total, discount.minor());
            POS_VERIFY_OK(run(QStringLiteral("create_sale"), s));
            expected += total;
        }
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        for (const char *by : {"hour", "department", "product", "cashier", "tender"}) {
            const auto report = run(QStringLiteral("get_sales_report"),
                                    {{QStringLiteral("from"),
                                      QDate::currentDate().addDays(-1).toString(Qt::ISODate)},
                                     {QStringLiteral("to"),
                                      QDate::currentDate().addDays(1).toString(Qt::ISODate)},
                                     {QStringLiteral("by"), QString::fromLatin1(by)}});
            POS_VERIFY_OK(report);
            qint64 sum = 0;
            for (const auto &row : report->toObject().value(QStringLiteral("rows")).toArray()) {
                sum += row.toObject().value(QStringLiteral("amount")).toInteger();
            }
            QVERIFY2(sum == expected, by);
            QCOMPARE(report->toObject().value(QStringLiteral("total")).toInteger(), expected);
        }
        const auto products = run(QStringLiteral("get_sales_report"),
                                  {{QStringLiteral("from"), today},
                                   {QStringLiteral("to"), today},
                                   {QStringLiteral("by"), QStringLiteral("product")}});
        POS_VERIFY_OK(products);
        QCOMPARE(products->toObject().value(QStringLiteral("rows")).toArray().size(), 2);
        QCOMPARE(run(QStringLiteral("get_sales_report"),
                     {{QStringLiteral("from"), today},
                      {QStringLiteral("to"), today},
                      {QStringLiteral("by"), QStringLiteral("weather")}})
                         .error()
                         .code,
                 ErrorCode::Validation);
    }

    // Editing or deleting an audit row is found, and the first broken row is named.
    void auditTamperingFound()
    {
        QVERIFY(!m_api.loginAs(QStringLiteral("admin"),
                               QString::fromLatin1(ApiHarness::kAdminPassword))
                         .isEmpty());
        auto conn = m_api.db().connection();
        POS_VERIFY_OK(
                exec(*conn,
                     QStringLiteral(
                             "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3")));
        const auto edited = run(QStringLiteral("verify_audit"));
        POS_VERIFY_OK(edited);
        QCOMPARE(edited->toObject().value(QStringLiteral("intact")).toBool(), false);
        QCOMPARE(edited->toObject().value(QStringLiteral("first_broken")).toInteger(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSales)
#include "tst_sales.moc"
