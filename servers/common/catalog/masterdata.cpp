// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/catalog/masterdata.h"

#include "servers/common/catalog/mastertable.h"

#include "core/base/text.h"

namespace pos {

namespace {

QUuid uuidAt(const QSqlQuery &q, int i)
{
    return QUuid::fromString(q.value(i).toString());
}

QString asTyped(const QString &q)
{
    return q;
}

QString folded(const QString &q)
{
    return foldForSearch(q);
}

const MasterTable<Department>
        kDepartments{"departments",
                     "department.changed",
                     {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("parent_id"),
                      QStringLiteral("color"), QStringLiteral("active")},
                     [](const Department &d) -> QVariantList {
                         return {d.code, d.name, sql::idOrNull(d.parentId), d.color, d.active};
                     },
                     [](const QSqlQuery &q) {
                         return Department{uuidAt(q, 0),          q.value(1).toString(),
                                           q.value(2).toString(), uuidAt(q, 3),
                                           q.value(4).toString(), q.value(5).toBool()};
                     },
                     "code",
                     "code",
                     asTyped,
                     "department.retired"};

const MasterTable<Tax> kTaxes{"taxes",
                              "tax.changed",
                              {QStringLiteral("code"), QStringLiteral("name"),
                               QStringLiteral("rate_milli_bp"), QStringLiteral("kind"),
                               QStringLiteral("compound"), QStringLiteral("active")},
                              [](const Tax &t) -> QVariantList {
                                  return {t.code,
                                          t.name,
                                          t.rate.milliBasisPoints(),
                                          json::enumName(t.kind, kTaxKindNames),
                                          t.compound,
                                          t.active};
                              },
                              [](const QSqlQuery &q) {
                                  return Tax{uuidAt(q, 0),
                                             q.value(1).toString(),
                                             q.value(2).toString(),
                                             TaxRate::fromMilliBasisPoints(q.value(3).toLongLong()),
                                             json::enumFromName(q.value(4).toString(),
                                                                kTaxKindNames, TaxKind::Standard),
                                             q.value(5).toBool(),
                                             q.value(6).toBool()};
                              },
                              "code",
                              "code",
                              asTyped,
                              "tax.retired"};

const MasterTable<Tender> kTenders{"tenders",
                                   "tender.changed",
                                   {QStringLiteral("code"), QStringLiteral("name"),
                                    QStringLiteral("kind"), QStringLiteral("opens_drawer"),
                                    QStringLiteral("gives_change"), QStringLiteral("active")},
                                   [](const Tender &t) -> QVariantList {
                                       return {t.code,
                                               t.name,
                                               json::enumName(t.kind, kTenderKindNames),
                                               t.opensDrawer,
                                               t.givesChange,
                                               t.active};
                                   },
                                   [](const QSqlQuery &q) {
                                       return Tender{uuidAt(q, 0),
                                                     q.value(1).toString(),
                                                     q.value(2).toString(),
                                                     json::enumFromName(q.value(3).toString(),
                                                                        kTenderKindNames,
                                                                        TenderKind::Other),
                                                     q.value(4).toBool(),
                                                     q.value(5).toBool(),
                                                     q.value(6).toBool()};
                                   },
                                   "code",
                                   "code",
                                   asTyped,
                                   "tender.retired"};

const MasterTable<Customer>
        kCustomers{"customers",
                   "customer.changed",
                   {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("name_folded"),
                    QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("tax_id"),
                    QStringLiteral("tax_exempt"), QStringLiteral("active")},
                   [](const Customer &m) -> QVariantList {
                       return {m.code,  m.name,  foldForSearch(m.name), m.email,
                               m.phone, m.taxId, m.taxExempt,           m.active};
                   },
                   [](const QSqlQuery &q) {
                       return Customer{uuidAt(q, 0),          q.value(1).toString(),
                                       q.value(2).toString(), q.value(4).toString(),
                                       q.value(5).toString(), q.value(6).toString(),
                                       q.value(7).toBool(),   q.value(8).toBool()};
                   },
                   "name_folded",
                   "name_folded",
                   folded,
                   "customer.retired",
                   "customer"};

const MasterTable<Supplier>
        kSuppliers{"suppliers",
                   "supplier.changed",
                   {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("contact"),
                    QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("active")},
                   [](const Supplier &m) -> QVariantList {
                       return {m.code, m.name, m.contact, m.phone, m.email, m.active};
                   },
                   [](const QSqlQuery &q) {
                       return Supplier{uuidAt(q, 0),          q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString(),
                                       q.value(4).toString(), q.value(5).toString(),
                                       q.value(6).toBool()};
                   },
                   "code",
                   "code",
                   asTyped,
                   "supplier.retired"};

const MasterTable<SalesRep> kSalesReps{"sales_reps",
                                       "sales_rep.changed",
                                       {QStringLiteral("code"), QStringLiteral("name"),
                                        QStringLiteral("active")},
                                       [](const SalesRep &m) -> QVariantList {
                                           return {m.code, m.name, m.active};
                                       },
                                       [](const QSqlQuery &q) {
                                           return SalesRep{uuidAt(q, 0), q.value(1).toString(),
                                                           q.value(2).toString(),
                                                           q.value(3).toBool()};
                                       },
                                       "code",
                                       "code",
                                       asTyped,
                                       "sales_rep.retired"};

} // namespace

Result<Empty> retireMaster(CallContext &c, const char *table, const char *action, const QUuid &id)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto q = tx->exec(QStringLiteral(
                              "UPDATE %1 SET deleted = TRUE WHERE id = ? AND deleted = FALSE")
                              .arg(QLatin1String(table)),
                      {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (q->numRowsAffected() == 0) {
        return Empty{}; // retired already, or never here: nothing to tell the stores
    }
    if (auto ok = stampMasterVersion(*tx, QLatin1String(table), id); !ok) {
        return fail(ok.error());
    }
    if (auto ok = appendAudit(*tx, c,
                              {QLatin1String(action),
                               {},
                               QJsonObject{{QStringLiteral("id"), sql::id(id)}},
                               {}});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return Empty{};
}

void registerMasterDataHandlers(Dispatcher &dispatcher)
{
    bindMaster(dispatcher, "put_department", "get_departments", "delete_department", kDepartments);
    bindMaster(dispatcher, "put_tax", "get_taxes", "delete_tax", kTaxes);
    bindMaster(dispatcher, "put_tender", "get_tenders", "delete_tender", kTenders);
    bindMaster(dispatcher, "put_customer", "get_customers", "delete_customer", kCustomers);
    bindMaster(dispatcher, "put_supplier", "get_suppliers", "delete_supplier", kSuppliers);
    bindMaster(dispatcher, "put_sales_rep", "get_sales_reps", "delete_sales_rep", kSalesReps);
}

} // namespace pos
