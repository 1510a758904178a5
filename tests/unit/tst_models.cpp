// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/catalog.h"
#include "core/model/organisation.h"
#include "core/model/sales.h"
#include "core/model/stock.h"
#include "support/testsupport.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <functional>

using namespace pos;

namespace {

QUuid id(int n)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

const QDateTime kWhen = QDateTime(QDate(2026, 11, 28), QTime(14, 32, 5, 123), Qt::UTC);
const QDate kDay(2026, 11, 28);

Sale sampleSale()
{
    Sale s{id(1),
           id(2),
           id(3),
           id(4),
           id(5),
           id(6),
           id(7),
           {},
           QStringLiteral("ST01-02-000123"),
           SaleKind::Sale,
           SaleStatus::Completed,
           kDay,
           kWhen,
           QStringLiteral("es"),
           {},
           {},
           Money::fromMinor(300),
           Money::fromMinor(20500),
           Money::fromMinor(2828),
           Money::fromMinor(20500),
           Money::fromMinor(-0)};
    s.lines = {SaleLine{id(10),
                        id(20),
                        QStringLiteral("Café molido 500g"),
                        Quantity::units(2),
                        Money::fromMinor(8900),
                        Money(),
                        Money::fromMinor(17800),
                        false,
                        {}},
               SaleLine{id(11), id(21), QStringLiteral("Plátano"), Quantity::fromMilli(1250),
                        Money::fromMinor(2400), Money::fromMinor(300), Money::fromMinor(2700), true,
                        id(12)}};
    s.payments = {Payment{id(30), id(40), Money::fromMinor(10000), QStringLiteral("AUTH 55")},
                  Payment{id(31), id(41), Money::fromMinor(10500), QString()}};
    s.change = Money::fromMinor(0);
    return s;
}

// One parser per model name, so the malformed-input table can name its target.
using ParseFn = std::function<Result<QJsonObject>(const QJsonValue &)>;
template<typename T>
ParseFn parserFor()
{
    return [](const QJsonValue &v) {
        return transform(json::parse<T>(v), &json::write<T>);
    };
}
const QHash<QString, ParseFn> &parsers()
{
    static const QHash<QString, ParseFn> table{
            {QStringLiteral("product"), parserFor<Product>()},
            {QStringLiteral("tax"), parserFor<Tax>()},
            {QStringLiteral("store"), parserFor<Store>()},
            {QStringLiteral("sale"), parserFor<Sale>()},
            {QStringLiteral("movement"), parserFor<StockMovement>()},
            {QStringLiteral("transfer"), parserFor<Transfer>()},
    };
    return table;
}

// A valid sample of each parser's model, for the malformed table to break one field of.
QJsonObject validJson(const QString &model)
{
    if (model == QLatin1String("product")) {
        return json::write(Product{id(1),
                                   QStringLiteral("CAF-500"),
                                   {QStringLiteral("7501234567895")},
                                   QStringLiteral("Café"),
                                   id(2),
                                   {},
                                   Money::fromMinor(8900),
                                   Money::fromMinor(6000),
                                   {id(3)},
                                   true,
                                   false,
                                   true});
    }
    if (model == QLatin1String("tax")) {
        return json::write(Tax{id(1), QStringLiteral("IVA16"), QStringLiteral("IVA 16 %"),
                               TaxRate::fromBasisPoints(1600), TaxKind::Standard, false, true});
    }
    if (model == QLatin1String("store")) {
        return json::write(Store{id(1),
                                 QStringLiteral("ST01"),
                                 QStringLiteral("Centro"),
                                 {},
                                 QStringLiteral("America/Mexico_City"),
                                 QStringLiteral("MXN"),
                                 PriceMode::TaxInclusive,
                                 RoundingScope::PerLine,
                                 Rounding::HalfUp,
                                 true});
    }
    if (model == QLatin1String("movement")) {
        return json::write(StockMovement{id(1),
                                         id(2),
                                         id(3),
                                         MovementKind::Adjustment,
                                         MovementReason::Damage,
                                         Quantity::fromMilli(-1000),
                                         {},
                                         id(4),
                                         kDay,
                                         kWhen});
    }
    if (model == QLatin1String("transfer")) {
        return json::write(Transfer{id(1),
                                    id(2),
                                    id(3),
                                    1,
                                    TransferStatus::InTransit,
                                    kWhen,
                                    kWhen,
                                    {},
                                    {},
                                    {},
                                    {TransferLine{id(4), Quantity::units(5), {}, {}}}});
    }
    return json::write(sampleSale());
}

// Sets obj[path] = value where path is like "lines[1].quantity"; an undefined value removes.
QJsonObject patched(QJsonObject obj, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        value.isUndefined() ? void(obj.remove(path)) : void(obj.insert(path, value));
        return obj;
    }
    const QString head = path.left(dot);
    const qsizetype bracket = head.indexOf(QLatin1Char('['));
    const QString key = head.left(bracket);
    const qsizetype index = head.mid(bracket + 1).chopped(1).toLongLong();
    QJsonArray array = obj.value(key).toArray();
    array[index] = patched(array[index].toObject(), path.mid(dot + 1), value);
    obj.insert(key, array);
    return obj;
}

template<typename T>
void checkRoundTrip(const T &model)
{
    const QJsonObject first = json::write(model);
    const QByteArray bytes = QJsonDocument(first).toJson(QJsonDocument::Compact);
    const auto parsed = json::parse<T>(QJsonDocument::fromJson(bytes).object());
    POS_VERIFY_OK(parsed);
    QVERIFY(*parsed == model);
    QCOMPARE(json::write(*parsed), first);
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    // Every model survives JSON and back unchanged, so sync and HTTP never lose a field.
    void roundTrip()
    {
        checkRoundTrip(Department{id(1), QStringLiteral("BAK"), QStringLiteral("Panadería"), id(2),
                                  QStringLiteral("#ffcc00"), true});
        checkRoundTrip(Tax{id(1), QStringLiteral("QST"), QStringLiteral("TVQ"),
                           *TaxRate::parsePercent(QStringLiteral("9.975")), TaxKind::Standard, true,
                           false});
        checkRoundTrip(Product{id(1),
                               QStringLiteral("PLA-KG"),
                               {QStringLiteral("2000123000000"), QStringLiteral("12345670")},
                               QStringLiteral("Plátano"),
                               id(2),
                               id(3),
                               Money::fromMinor(2400),
                               Money::fromMinor(1500),
                               {id(4), id(5)},
                               false,
                               true,
                               true});
        checkRoundTrip(Supplier{id(1), QStringLiteral("SUP1"), QStringLiteral("Lácteos del Norte"),
                                QStringLiteral("Ana Ruiz"), QStringLiteral("+52 55 1234"),
                                QStringLiteral("ana@example.com"), true});
        checkRoundTrip(Tender{id(1), QStringLiteral("CARD"), QStringLiteral("Tarjeta"),
                              TenderKind::Card, false, false, true});
        checkRoundTrip(Customer{id(1),
                                QStringLiteral("C-9"),
                                QStringLiteral("Embajada"),
                                {},
                                {},
                                QStringLiteral("XAXX010101000"),
                                true,
                                true});
        checkRoundTrip(SalesRep{id(1), QStringLiteral("R1"), QStringLiteral("Luis"), false});
        checkRoundTrip(Role{id(1),
                            QStringLiteral("manager"),
                            {QStringLiteral("sales.void"), QStringLiteral("sales.refund")},
                            2000});
        checkRoundTrip(User{id(1),
                            QStringLiteral("ana"),
                            QStringLiteral("Ana Ruiz"),
                            {id(2)},
                            {id(3)},
                            QStringLiteral("es"),
                            true});
        checkRoundTrip(Store{id(1), QStringLiteral("ST01"), QStringLiteral("Centro"),
                             QStringLiteral("Av. Juárez 1"), QStringLiteral("America/Mexico_City"),
                             QStringLiteral("MXN"), PriceMode::TaxExclusive,
                             RoundingScope::PerDocument, Rounding::HalfEven, true});
        checkRoundTrip(Register{id(1), id(2), 2, QStringLiteral("Caja 2"), true});
        checkRoundTrip(RegisterSession{id(1), id(2), id(3), id(4), 7, kDay, kWhen,
                                       kWhen.addSecs(3600), Money::fromMinor(150000),
                                       SessionStatus::Closed});
        checkRoundTrip(sampleSale());
        checkRoundTrip(StockMovement{id(1),
                                     id(2),
                                     id(3),
                                     MovementKind::Count,
                                     MovementReason::None,
                                     Quantity::fromMilli(0),
                                     {},
                                     id(4),
                                     kDay,
                                     kWhen});
        checkRoundTrip(Transfer{id(1),
                                id(2),
                                id(3),
                                4,
                                TransferStatus::Received,
                                kWhen,
                                kWhen,
                                kWhen.addDays(1),
                                QStringLiteral("caja 3 dañada"),
                                {},
                                {TransferLine{id(5), Quantity::units(10), Quantity::units(8),
                                              Quantity::units(1)}}});
        checkRoundTrip(
                PurchaseOrder{id(1),
                              QStringLiteral("PO-77"),
                              id(2),
                              id(3),
                              PurchaseOrderStatus::PartiallyReceived,
                              kWhen,
                              kDay.addDays(3),
                              {},
                              {PurchaseOrderLine{id(4), Quantity::units(12), Quantity::units(6),
                                                 Money::fromMinor(4550)}}});
        checkRoundTrip(Worksheet{id(1),
                                 QStringLiteral("Precios diciembre"),
                                 WorksheetStatus::PendingApproval,
                                 id(2),
                                 {},
                                 kDay.addDays(2),
                                 {id(3)},
                                 {WorksheetLine{id(4), Money::fromMinor(9900)}}});
    }

    // Bad input names the field that is wrong, with a code the HTTP layer can map.
    void malformed_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the field
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("message");
        const QJsonValue gone(QJsonValue::Undefined);
        auto row = [](const char *name, const char *model, const char *path, QJsonValue value,
                      ErrorCode code, const char *message) {
            QTest::newRow(name) << QString::fromLatin1(model) << QString::fromLatin1(path) << value
                                << code << QString::fromUtf8(message);
        };
        row("zero-quantity", "sale", "lines[1].quantity", 0, ErrorCode::Validation,
            "lines[1].quantity: must not be zero");
        row("fractional-quantity", "sale", "lines[0].quantity", 1.5, ErrorCode::BadRequest,
            "lines[0].quantity: must be a whole number");
        row("quantity-as-string", "sale", "lines[0].quantity", QStringLiteral("2"),
            ErrorCode::BadRequest, "lines[0].quantity: must be a whole number");
        row("missing-line-id", "sale", "lines[0].id", gone, ErrorCode::BadRequest,
            "lines[0].id: is required");
        row("bad-uuid", "sale", "customer_id", QStringLiteral("not-a-uuid"), ErrorCode::BadRequest,
            "customer_id: must be a UUID");
        row("no-lines", "sale", "lines", QJsonArray(), ErrorCode::Validation,
            "lines: must not be empty");
        row("negative-unit-price", "sale", "lines[0].unit_price", -1, ErrorCode::Validation,
            "lines[0].unit_price: must not be negative");
        row("huge-amount", "sale", "total", 1e300, ErrorCode::Overflow, "total: is out of range");
        row("unknown-kind", "sale", "kind", QStringLiteral("layaway"), ErrorCode::Validation,
            "kind: must be one of: sale, return");
        row("naive-timestamp", "sale", "created_at", QStringLiteral("2026-11-28T14:32:05"),
            ErrorCode::BadRequest, "created_at: must be an ISO 8601 timestamp with a time zone");
        row("bad-date", "sale", "business_date", QStringLiteral("2026-02-30"),
            ErrorCode::BadRequest, "business_date: must be a date like 2026-11-28");
        row("unknown-field", "sale", "discount_code", QStringLiteral("X"), ErrorCode::BadRequest,
            "discount_code: is not a known field");
        row("unknown-nested-field", "sale", "payments[0].tip", 100, ErrorCode::BadRequest,
            "payments[0].tip: is not a known field");
        row("line-not-object", "sale", "lines", QJsonArray{1}, ErrorCode::BadRequest,
            "lines[0]: must be an object");
        row("empty-sku", "product", "sku", QString(), ErrorCode::Validation,
            "sku: must not be empty");
        row("long-name", "product", "name", QString(121, QLatin1Char('x')), ErrorCode::Validation,
            "name: must be at most 120 characters");
        row("barcode-too-long", "product", "barcodes", QJsonArray{QString(33, QLatin1Char('1'))},
            ErrorCode::Validation, "barcodes[0]: must be 1 to 32 characters");
        row("duplicate-tax", "product", "tax_ids",
            QJsonArray{QStringLiteral("00000000-0000-4000-8000-000000000003"),
                       QStringLiteral("00000000-0000-4000-8000-000000000003")},
            ErrorCode::Validation, "tax_ids[1]: is listed twice");
        row("price-string", "product", "price", QStringLiteral("89.00"), ErrorCode::BadRequest,
            "price: must be a whole number");
        row("active-number", "product", "active", 1, ErrorCode::BadRequest,
            "active: must be true or false");
        row("rate-number", "tax", "rate", 16, ErrorCode::BadRequest,
            "rate: must be a percentage as a string, like \"16\" or \"9.975\"");
        row("rate-too-precise", "tax", "rate", QStringLiteral("9.9751234"), ErrorCode::Validation,
            "rate: tax rate must be a percentage like 16 or 9.975");
        row("currency-length", "store", "currency", QStringLiteral("PESO"), ErrorCode::Validation,
            "currency: must be at most 3 characters");
        row("price-mode", "store", "price_mode", QStringLiteral("gross"), ErrorCode::Validation,
            "price_mode: must be one of: tax_inclusive, tax_exclusive");
        row("movement-reason", "movement", "reason", QStringLiteral("lost"), ErrorCode::Validation,
            "reason: must be one of: none, damage, theft, expiry, correction");
        row("transfer-sent-zero", "transfer", "lines[0].sent", 0, ErrorCode::Validation,
            "lines[0].sent: must not be zero");
        row("transfer-negative-received", "transfer", "lines[0].received", -1000,
            ErrorCode::Validation, "lines[0].received: must not be negative");
        row("transfer-sequence", "transfer", "sequence", 0, ErrorCode::Validation,
            "sequence: must be between 1 and 9007199254740992");
    }
    void malformed()
    {
        QFETCH(QString, model);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        const QJsonObject input = patched(validJson(model), path, value);
        const auto result = parsers().value(model)(input);
        QVERIFY(!result);
        QTEST(result.error().code, "code");
        QTEST(result.error().message, "message");
    }

    // The body itself must be an object; an array or a number is a clear 400-class error.
    void notAnObject()
    {
        const auto result = json::parse<Sale>(QJsonArray{});
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::BadRequest);
        QCOMPARE(result.error().message, QStringLiteral("body: must be an object"));
    }

    // Every problem is reported at once, so a client can fix a form in one go.
    void allProblemsListed()
    {
        QJsonObject input = patched(validJson(QStringLiteral("product")), QStringLiteral("sku"),
                                    QString());
        input = patched(input, QStringLiteral("price"), -5);
        input.remove(QStringLiteral("name"));
        const auto result = json::parse<Product>(input);
        QVERIFY(!result);
        QCOMPARE(result.error().details.size(), 3);
        QVERIFY(result.error().details.contains(QStringLiteral("name: is required")));
        QVERIFY(result.error().details.contains(QStringLiteral("price: must not be negative")));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
