// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "core/api/permission.h"
#include "core/base/barcode.h"

#include <QJsonArray>

namespace pos::demo {

namespace {

struct DepartmentSpec
{
    const char *code;
    const char *name;
    const char *color;
    bool basicFood; // IVA 0 % in Mexico; everything else pays 16 %
    QStringList items;
    QStringList sizes;
    qint64 basePriceCents;
};

// Eight departments × ten items × four sizes (fruit and vegetables sell by the kilo).
QList<DepartmentSpec> departments()
{
    return {
            {"PAN",
             "Panadería",
             "#F4C17A",
             true,
             {"Bolillo", "Concha", "Pan de caja", "Pan integral", "Cuernito", "Dona", "Telera",
              "Baguette", "Pan dulce", "Galletas de avena"},
             {"1 pza", "4 pzas", "6 pzas", "12 pzas"},
             450},
            {"LAC",
             "Lácteos",
             "#A8D8F0",
             true,
             {"Leche entera", "Leche deslactosada", "Yogur natural", "Yogur de fresa",
              "Queso fresco", "Queso Oaxaca", "Crema", "Mantequilla", "Requesón", "Jocoque"},
             {"250 g", "500 g", "1 kg", "2 kg"},
             1850},
            {"BEB",
             "Bebidas",
             "#9FD89F",
             false,
             {"Agua natural", "Agua mineral", "Refresco de cola", "Refresco de limón",
              "Jugo de naranja", "Jugo de mango", "Té helado", "Bebida isotónica", "Café frío",
              "Agua de jamaica"},
             {"355 ml", "600 ml", "1 l", "2 l"},
             1200},
            {"FRU",
             "Frutas y verduras",
             "#C8E6A0",
             true,
             {"Plátano", "Manzana", "Naranja", "Piña", "Jitomate", "Cebolla", "Papa", "Aguacate",
              "Limón", "Chile serrano"},
             {"kg"},
             3200},
            {"ABA",
             "Abarrotes",
             "#E8D5B5",
             true,
             {"Café molido", "Azúcar", "Arroz", "Frijol negro", "Aceite de maíz", "Harina de trigo",
              "Atún en agua", "Sal de mar", "Avena", "Lenteja"},
             {"250 g", "500 g", "1 kg", "2 kg"},
             2400},
            {"LIM",
             "Limpieza",
             "#D5C8F0",
             false,
             {"Jabón de barra", "Detergente", "Cloro", "Suavizante", "Limpiador de pisos",
              "Lavatrastes", "Esponja", "Bolsas de basura", "Papel higiénico", "Servilletas"},
             {"1 pza", "500 ml", "1 l", "3 l"},
             2900},
            {"BOT",
             "Botanas",
             "#F0B8B8",
             false,
             {"Papas fritas", "Cacahuates", "Palomitas", "Chicharrón", "Tostadas", "Nachos",
              "Pepitas", "Chocolate", "Caramelos", "Gomitas"},
             {"45 g", "100 g", "250 g", "500 g"},
             1500},
            {"HIG",
             "Higiene personal",
             "#F0D8E8",
             false,
             {"Champú", "Acondicionador", "Pasta dental", "Cepillo de dientes", "Desodorante",
              "Jabón líquido", "Crema corporal", "Rastrillo", "Algodón", "Toallas húmedas"},
             {"1 pza", "200 ml", "400 ml", "750 ml"},
             3900},
    };
}

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto &[k, v] : fields) {
        o.insert(k, v);
    }
    return o;
}

QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A valid EAN-13 with Mexico's GS1 prefix 750 and the product's sequence number.
QString ean13(int sequence)
{
    const QString body = QStringLiteral("750100%1").arg(sequence, 6, 10, QLatin1Char('0'));
    return body + QString::number(checkDigitFor(body));
}

void addOrganisation(QList<CommandChain::Step> &out, const QUuid &storeId, const QString &code)
{
    out << CommandChain::Step{QStringLiteral("put_store"),
                              obj({{"id", text(storeId)},
                                   {"code", code},
                                   {"name", QStringLiteral("Abarrotes La Esperanza")},
                                   {"address",
                                    QStringLiteral("Av. Insurgentes Sur 1234\nCiudad de México")},
                                   {"time_zone", QStringLiteral("America/Mexico_City")},
                                   {"currency", QStringLiteral("MXN")},
                                   {"price_mode", QStringLiteral("tax_inclusive")},
                                   {"tax_scope", QStringLiteral("per_line")},
                                   {"rounding", QStringLiteral("half_up")},
                                   {"active", true}})};
    for (int n : {1, 2}) {
        const QString name = QStringLiteral("Caja %1").arg(n);
        out << CommandChain::Step{QStringLiteral("put_register"),
                                  obj({{"id", text(id(QStringLiteral("register"), name))},
                                       {"store_id", text(storeId)},
                                       {"number", n},
                                       {"name", name},
                                       {"active", true}})};
    }
    out << CommandChain::Step{QStringLiteral("put_setting"),
                              obj({{"name", QStringLiteral("close_threshold_cents")},
                                   {"value", QStringLiteral("500")}})};
}

void addPeople(QList<CommandChain::Step> &out)
{
    const QStringList cashier{permissionName(Permission::RegisterOpen),
                              permissionName(Permission::RegisterClose)};
    out << CommandChain::Step{QStringLiteral("put_role"),
                              obj({{"id",
                                    text(id(QStringLiteral("role"), QStringLiteral("cashier")))},
                                   {"name", QStringLiteral("Cashier")},
                                   {"permissions", QJsonArray::fromStringList(cashier)},
                                   {"discount_limit_bp", 0}})};
    out << CommandChain::Step{QStringLiteral("put_role"),
                              obj({{"id",
                                    text(id(QStringLiteral("role"), QStringLiteral("manager")))},
                                   {"name", QStringLiteral("Store manager")},
                                   {"permissions", QJsonArray::fromStringList(allPermissionNames())},
                                   {"discount_limit_bp", 10000}})};
    for (const Person &p : kPeople) {
        const QString username = QString::fromUtf8(p.username);
        out << CommandChain::Step{QStringLiteral("put_user"),
                                  obj({{"id", text(id(QStringLiteral("user"), username))},
                                       {"user",
                                        obj({{"id", text(id(QStringLiteral("user"), username))},
                                             {"username", username},
                                             {"full_name", QString::fromUtf8(p.fullName)},
                                             {"role_ids",
                                              QJsonArray{text(id(QStringLiteral("role"),
                                                                 QString::fromUtf8(p.role)))}},
                                             {"store_ids", QJsonArray{}},
                                             {"language", QString::fromUtf8(p.language)},
                                             {"active", true}})},
                                       {"password", QString::fromUtf8(p.password)},
                                       {"pin", QString::fromUtf8(p.pin)}})};
    }
}

void addTaxesAndTenders(QList<CommandChain::Step> &out)
{
    const auto tax = [&](const char *code, const char *name, const char *rate, const char *kind) {
        out << CommandChain::Step{QStringLiteral("put_tax"),
                                  obj({{"id",
                                        text(id(QStringLiteral("tax"), QString::fromUtf8(code)))},
                                       {"code", QString::fromUtf8(code)},
                                       {"name", QString::fromUtf8(name)},
                                       {"rate", QString::fromUtf8(rate)},
                                       {"kind", QString::fromUtf8(kind)},
                                       {"compound", false},
                                       {"active", true}})};
    };
    tax("IVA16", "IVA", "16", "standard");
    tax("IVA0", "IVA", "0", "zero_rated");
    const auto tender = [&](const char *code, const char *name, const char *kind, bool drawer,
                            bool change) {
        out << CommandChain::Step{QStringLiteral("put_tender"),
                                  obj({{"id", text(id(QStringLiteral("tender"),
                                                      QString::fromUtf8(code)))},
                                       {"code", QString::fromUtf8(code)},
                                       {"name", QString::fromUtf8(name)},
                                       {"kind", QString::fromUtf8(kind)},
                                       {"opens_drawer", drawer},
                                       {"gives_change", change},
                                       {"active", true}})};
    };
    tender("CASH", "Efectivo", "cash", true, true);
    tender("CARD", "Tarjeta", "card", false, false);
    tender("VALE", "Vale", "other", true, false);
}

void addCustomersAndReps(QList<CommandChain::Step> &out)
{
    const struct
    {
        const char *code, *name, *phone, *taxId;
        bool exempt;
    } customers[]{
            {"C001", "Farmacia San Rafael", "55 5123 4567", "FSR010203AB1", false},
            {"C002", "María Hernández", "55 5987 6543", "", false},
            {"C003", "José Ramírez", "55 5234 5678", "", false},
            {"C004", "Escuela Primaria Benito Juárez", "55 5345 6789", "EPB990101XY2", true},
            {"C005", "Restaurante El Fogón", "55 5456 7890", "REF050607CD3", false},
    };
    for (const auto &c : customers) {
        out << CommandChain::Step{QStringLiteral("put_customer"),
                                  obj({{"id", text(id(QStringLiteral("customer"),
                                                      QString::fromLatin1(c.code)))},
                                       {"code", QString::fromLatin1(c.code)},
                                       {"name", QString::fromUtf8(c.name)},
                                       {"email", QString()},
                                       {"phone", QString::fromLatin1(c.phone)},
                                       {"tax_id", QString::fromLatin1(c.taxId)},
                                       {"tax_exempt", c.exempt},
                                       {"active", true}})};
    }
    for (const auto &[code, name] :
         {std::pair{"V01", "Luis Ortega"}, std::pair{"V02", "Sofía Díaz"}}) {
        out << CommandChain::Step{QStringLiteral("put_sales_rep"),
                                  obj({{"id", text(id(QStringLiteral("sales_rep"),
                                                      QString::fromLatin1(code)))},
                                       {"code", QString::fromLatin1(code)},
                                       {"name", QString::fromUtf8(name)},
                                       {"active", true}})};
    }
}

void addCatalog(QList<CommandChain::Step> &out)
{
    int sequence = 0;
    for (const DepartmentSpec &d : departments()) {
        const QUuid departmentId = id(QStringLiteral("department"), QString::fromUtf8(d.code));
        out << CommandChain::Step{QStringLiteral("put_department"),
                                  obj({{"id", text(departmentId)},
                                       {"code", QString::fromUtf8(d.code)},
                                       {"name", QString::fromUtf8(d.name)},
                                       {"color", QString::fromUtf8(d.color)},
                                       {"active", true}})};
        const QUuid taxId = id(QStringLiteral("tax"),
                               d.basicFood ? QStringLiteral("IVA0") : QStringLiteral("IVA16"));
        for (qsizetype i = 0; i < d.items.size(); ++i) {
            for (qsizetype s = 0; s < d.sizes.size(); ++s) {
                ++sequence;
                const bool weighed = d.sizes.at(s) == QLatin1String("kg");
                const QString name = weighed ? d.items.at(i)
                                             : d.items.at(i) + QLatin1Char(' ') + d.sizes.at(s);
                const qint64 price = d.basePriceCents + 150 * i + d.basePriceCents * s;
                out << CommandChain::Step{QStringLiteral("put_product"),
                                          obj({{"id", text(id(QStringLiteral("product"), name))},
                                               {"sku",
                                                QStringLiteral("%1-%2")
                                                        .arg(QString::fromUtf8(d.code))
                                                        .arg(sequence, 4, 10, QLatin1Char('0'))},
                                               {"barcodes", QJsonArray{ean13(sequence)}},
                                               {"name", name},
                                               {"department_id", text(departmentId)},
                                               {"price", price},
                                               {"cost", price * 6 / 10},
                                               {"tax_ids", QJsonArray{text(taxId)}},
                                               {"tax_included", true},
                                               {"weighed", weighed},
                                               {"active", true}})};
            }
        }
    }
}

} // namespace

QUuid id(const QString &kind, const QString &name)
{
    static const QUuid ns = QUuid::fromString(u"6f1c2d4e-8a7b-4c3d-9e0f-1a2b3c4d5e6f");
    return QUuid::createUuidV5(ns, kind + QLatin1Char('/') + name);
}

QList<CommandChain::Step> steps(const QUuid &storeId, const QString &storeCode)
{
    QList<CommandChain::Step> out;
    addOrganisation(out, storeId, storeCode);
    addPeople(out);
    addTaxesAndTenders(out);
    addCustomersAndReps(out);
    addCatalog(out);
    return out;
}

void seed(Backend &backend, const QUuid &storeId, const QString &storeCode,
          std::function<void(Status)> done)
{
    CommandChain::run(backend, steps(storeId, storeCode), std::move(done));
}

} // namespace pos::demo
