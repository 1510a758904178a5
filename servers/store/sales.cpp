// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeservices.h"

#include "reports.h"
#include "returns.h"
#include "salerecords.h"
#include "sessions.h"
#include "stockledger.h"
#include "tickets.h"

#include "core/sales/saletotals.h"
#include "servers/common/auditlog.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/outbox.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sale)
};

Error at(qsizetype line, const char *field, ErrorCode code, const QString &message)
{
    return Error{code, message}.at(
            QStringLiteral("lines[%1].%2").arg(line).arg(QLatin1String(field)));
}

// What a sale must agree with before anything is written.
struct Context
{
    Store store;
    Register reg;
    QHash<QUuid, Tender> tenderById; // the tenders its payments name, read with its place
    CustomerTaxStatus customer = CustomerTaxStatus::Taxable;
};

// An exempt customer (an embassy, a reseller with a certificate) pays no tax.
Status customerStatus(CallContext &c, const Sale &sale, Context &ctx)
{
    if (sale.customerId.isNull()) {
        return {};
    }
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT tax_exempt FROM customers WHERE id = ? AND deleted = FALSE"),
                  {sql::id(sale.customerId)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::Validation, Tr::tr("customer_id: no such customer"));
    }
    ctx.customer = q->value(0).toBool() ? CustomerTaxStatus::Exempt : CustomerTaxStatus::Taxable;
    return {};
}

struct Place
{
    Store store;
    Register reg;
    QHash<QUuid, Tender> tenderById;
};

// A tender from columns id, code, name, kind, opens_drawer, gives_change.
Tender tenderAt(const QSqlQuery &q)
{
    Tender t{QUuid::fromString(q.value(0).toString()),
             q.value(1).toString(),
             q.value(2).toString(),
             TenderKind::Other,
             q.value(4).toBool(),
             q.value(5).toBool(),
             true};
    t.kind = json::enumFromName(q.value(3).toString(), kTenderKindNames, t.kind);
    return t;
}

// The store, its register and that register's open session as the sale names them, with
// the active tenders its payments name (a row each), in one statement: nothing when the
// store, register or session is missing or does not match.
Result<std::optional<Place>> placeOf(CallContext &c, const Sale &sale)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    QVariantList values;
    for (const Payment &p : sale.payments) {
        values << sql::id(p.tenderId);
    }
    if (values.isEmpty()) {
        values << QVariant(); // IN (NULL): no tender
    }
    const QString tenders = QStringLiteral("?") + QStringLiteral(", ?").repeated(values.size() - 1);
    values << sql::id(sale.storeId) << sql::id(sale.registerId) << sql::id(sale.sessionId);
    auto q = exec(*conn,
                  QStringLiteral("SELECT t.id, t.code, t.name, t.kind, t.opens_drawer, "
                                 "t.gives_change, %1, %2 FROM stores st JOIN registers r ON "
                                 "r.store_id = st.id JOIN register_sessions s ON s.register_id = "
                                 "r.id LEFT JOIN tenders t ON t.id IN (%3) AND t.active = TRUE "
                                 "AND t.deleted = FALSE WHERE st.id = ? AND st.deleted = FALSE "
                                 "AND r.id = ? AND s.id = ? AND s.status = 'open'")
                          .arg(storeColumns(QStringLiteral("st")),
                               registerColumns(QStringLiteral("r")), tenders),
                  values);
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    Place place{storeAt(*q, 6, sale.storeId), registerAt(*q, 15, sale.registerId), {}};
    do {
        if (!q->value(0).isNull()) {
            const Tender t = tenderAt(*q);
            place.tenderById.insert(t.id, t);
        }
    } while (q->next());
    return place;
}

Status checkPlace(CallContext &c, const Sale &sale, Context &ctx)
{
    if (sale.storeId != c.server.storeId) {
        return fail(ErrorCode::Validation, Tr::tr("store_id: is not this store"));
    }
    if (sale.status != SaleStatus::Completed) {
        return fail(ErrorCode::Validation,
                    Tr::tr("status: only completed sales are recorded here"));
    }
    if (sale.kind == SaleKind::Return && !sale.ticketDiscount.isZero()) {
        return fail(ErrorCode::Validation,
                    Tr::tr("ticket_discount: a return gives back what was paid, without one"));
    }
    if (sale.cashierId != c.callerId()) {
        return fail(ErrorCode::Validation, Tr::tr("cashier_id: is not the logged-in user"));
    }
    if (auto found = placeOf(c, sale); !found || *found) {
        if (!found) {
            return fail(found.error());
        }
        ctx.store = (*found)->store;
        ctx.reg = (*found)->reg;
        ctx.tenderById = (*found)->tenderById;
        return customerStatus(c, sale, ctx);
    }
    // Something is missing or does not match: read each to say which.
    auto store = storeById(c.db, sale.storeId);
    auto reg = registerById(c.db, sale.registerId);
    auto session = sessionById(c.db, sale.sessionId);
    if (!store) {
        return fail(store.error());
    }
    if (!reg || reg->storeId != sale.storeId) {
        return fail(ErrorCode::Validation, Tr::tr("register_id: not a register of this store"));
    }
    if (!session || session->registerId != sale.registerId) {
        return fail(ErrorCode::Validation, Tr::tr("session_id: not a session of this register"));
    }
    if (session->status != SessionStatus::Open) {
        return fail(ErrorCode::Conflict, Tr::tr("this register is closed: open it to sell"));
    }
    ctx.store = *store;
    ctx.reg = *reg;
    return customerStatus(c, sale, ctx);
}

Result<qint64> discountLimitBp(CallContext &c)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT COALESCE(MAX(r.discount_limit_bp), 0) FROM roles r JOIN user_roles "
                    "ur ON ur.role_id = r.id WHERE ur.user_id = ?"),
            {sql::id(c.callerId())});
    if (!q || !q->next()) {
        return q ? Result<qint64>(0) : fail(q.error());
    }
    return q->value(0).toLongLong();
}

// Products exist and sell as sent: whole units unless weighed, catalog price unless
// overridden (which needs sales.price_override, or a manager's PIN).
// The lines' products and their taxes, read in one statement each rather than per line.
struct LineCatalog
{
    QHash<QUuid, Product> products;
    QHash<QUuid, Tax> taxes;
};

// One statement: each product with its taxes in the product's order (compounding needs
// it), as much of the product as pricing needs.
Result<LineCatalog> lineCatalog(CallContext &c, const Sale &sale)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    QVariantList ids;
    for (const SaleLine &l : sale.lines) {
        ids << sql::id(l.productId);
    }
    if (ids.isEmpty()) {
        return LineCatalog{};
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT p.id, p.sku, p.price, p.weighed, pt.tax_id, %1 FROM "
                                 "products p LEFT JOIN product_taxes pt ON pt.product_id = p.id "
                                 "LEFT JOIN taxes t ON t.id = pt.tax_id WHERE p.id IN (?%2) AND "
                                 "p.deleted = FALSE ORDER BY p.id, pt.position")
                          .arg(taxColumns(QStringLiteral("t")),
                               QStringLiteral(", ?").repeated(ids.size() - 1)),
                  ids);
    if (!q) {
        return fail(q.error());
    }
    LineCatalog catalog;
    while (q->next()) {
        const QUuid id = QUuid::fromString(q->value(0).toString());
        Product &p = catalog.products[id];
        p.id = id;
        p.sku = q->value(1).toString();
        p.price = Money::fromMinor(q->value(2).toLongLong());
        p.weighed = q->value(3).toBool();
        if (!q->value(4).isNull()) {
            p.taxIds << QUuid::fromString(q->value(4).toString());
        }
        if (!q->value(5).isNull()) { // a tax the product names but the store lacks stays out
            const Tax t = taxAt(*q, 5);
            catalog.taxes.insert(t.id, t);
        }
    }
    return catalog;
}

Result<QList<TaxRule>> rulesOf(const Product &product, const LineCatalog &catalog)
{
    QList<TaxRule> rules;
    for (const QUuid &id : product.taxIds) { // in the product's order: compounding needs it
        if (!catalog.taxes.contains(id)) {
            return fail(ErrorCode::Validation,
                        Tr::tr("product %1 has an unknown tax").arg(product.sku));
        }
        rules << catalog.taxes.value(id).rule();
    }
    return rules;
}

Result<QList<PricedLine>> priceLines(CallContext &c, const Sale &sale, QJsonArray &audits)
{
    auto catalog = lineCatalog(c, sale);
    if (!catalog) {
        return fail(catalog.error());
    }
    QList<PricedLine> priced;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleLine &line = sale.lines[i];
        const auto product = catalog->products.constFind(line.productId);
        if (product == catalog->products.cend()) {
            return fail(at(i, "product_id", ErrorCode::Validation, Tr::tr("no such product")));
        }
        if (!product->weighed && !line.quantity.isWhole()) {
            return fail(at(i, "quantity", ErrorCode::Validation,
                           Tr::tr("this product sells in whole units")));
        }
        if (line.quantity.isNegative()) {
            return fail(
                    at(i, "quantity", ErrorCode::Validation, Tr::tr("must be positive in a sale")));
        }
        // Products priced by their labels carry price 0: the label's price is the price.
        const bool catalogPrice = line.unitPrice == product->price || product->price.isZero();
        if (!catalogPrice && !line.priceOverridden) {
            return fail(at(i, "unit_price", ErrorCode::Validation,
                           Tr::tr("differs from the catalog price %1: mark it as a price override")
                                   .arg(product->price.format(QLocale::c()))));
        }
        if (!catalogPrice) {
            if (auto ok = requirePermission(c, Permission::SalesPriceOverride); !ok) {
                return fail(ok.error());
            }
            audits.append(
                    QJsonObject{{QStringLiteral("action"), QStringLiteral("sale.price_override")},
                                {QStringLiteral("line"), json::write(line)},
                                {QStringLiteral("catalog_price"), product->price.minor()}});
        }
        auto rules = rulesOf(*product, *catalog);
        if (!rules) {
            return fail(rules.error());
        }
        priced.append(PricedLine{line.unitPrice, line.quantity, line.discount, *rules});
    }
    return priced;
}

// Discounts beyond the cashier's role limit need a manager.
Status checkDiscounts(CallContext &c, const Sale &sale, const SaleTotals &totals, QJsonArray &audits)
{
    const bool discounted = !sale.ticketDiscount.isZero()
                            || std::any_of(sale.lines.cbegin(), sale.lines.cend(),
                                           [](const SaleLine &l) { return !l.discount.isZero(); });
    if (!discounted) {
        return {}; // most sales: no need to read the cashier's limit
    }
    auto limit = discountLimitBp(c);
    if (!limit) {
        return fail(limit.error());
    }
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const Wide given = Wide(sale.lines[i].discount.minor()) + totals.ticketShares[i].minor();
        const Wide worth = Wide(totals.lineTotals[i].minor()) + sale.lines[i].discount.minor();
        if (given == 0 || worth <= 0 || given * 10000 <= worth * *limit) {
            continue;
        }
        if (auto ok = requirePermission(c, Permission::SalesDiscount); !ok) {
            return fail(ok.error());
        }
        audits.append(
                QJsonObject{{QStringLiteral("action"), QStringLiteral("sale.discount_over_limit")},
                            {QStringLiteral("line"), json::write(sale.lines[i])},
                            {QStringLiteral("limit_bp"), *limit}});
    }
    return {};
}

// The till's figures must be ours to the cent: a disagreement means different prices or
// rules on the two sides, and the sale is refused rather than stored wrong.
Status checkTotals(const Sale &sale, const SaleTotals &totals)
{
    QStringList differences;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        if (sale.lines[i].total != totals.lineTotals[i]) {
            differences << QStringLiteral("lines[%1].total: %2")
                                   .arg(i)
                                   .arg(totals.lineTotals[i].minor());
        }
    }
    const std::pair<const char *, std::pair<Money, Money>>
            checks[]{{"subtotal", {sale.subtotal, totals.subtotal}},
                     {"tax_total", {sale.taxTotal, totals.taxTotal}},
                     {"total", {sale.total, totals.total}}};
    for (const auto &[name, values] : checks) {
        if (values.first != values.second) {
            differences
                    << QStringLiteral("%1: %2").arg(QLatin1String(name)).arg(values.second.minor());
        }
    }
    if (differences.isEmpty()) {
        return {};
    }
    return fail(ErrorCode::Validation,
                Tr::tr("the totals disagree with the store's: %1").arg(differences.first()),
                differences);
}

// The payments' tenders, in one statement, parallel to the payments.
// The tenders of the sale's payments, in their order.
Result<QList<Tender>> tendersOf(const QHash<QUuid, Tender> &found, const Sale &sale)
{
    QList<Tender> out;
    for (qsizetype i = 0; i < sale.payments.size(); ++i) {
        if (!found.contains(sale.payments[i].tenderId)) {
            return fail(Error{ErrorCode::Validation, Tr::tr("no such tender")}.at(
                    QStringLiteral("payments[%1].tender_id").arg(i)));
        }
        out << found.value(sale.payments[i].tenderId);
    }
    return out;
}

// A refund goes back exactly: negative payments adding up to the (negative) total.
Status checkRefunds(const Sale &sale)
{
    Wide refunded = 0;
    for (qsizetype i = 0; i < sale.payments.size(); ++i) {
        if (!sale.payments[i].amount.isNegative()) {
            return fail(Error{ErrorCode::Validation, Tr::tr("must be negative in a return")}.at(
                    QStringLiteral("payments[%1].amount").arg(i)));
        }
        refunded += sale.payments[i].amount.minor();
    }
    if (refunded != Wide(sale.total.minor()) || !sale.change.isZero()) {
        return fail(ErrorCode::Validation,
                    Tr::tr("payments: a refund must add up to the total %1, with no change")
                            .arg(sale.total.format(QLocale::c())));
    }
    return {};
}

// Payments cover the total; only tenders that give change may pay more than is due.
Status checkPayments(const Sale &sale, const QList<Tender> &tenders)
{
    if (sale.kind == SaleKind::Return) {
        return checkRefunds(sale);
    }
    Wide paid = 0;
    Wide changeable = 0;
    for (qsizetype i = 0; i < sale.payments.size(); ++i) {
        if (sale.payments[i].amount.isNegative() || sale.payments[i].amount.isZero()) {
            return fail(Error{ErrorCode::Validation, Tr::tr("must be positive in a sale")}.at(
                    QStringLiteral("payments[%1].amount").arg(i)));
        }
        paid += sale.payments[i].amount.minor();
        changeable += tenders[i].givesChange ? sale.payments[i].amount.minor() : 0;
    }
    const Wide due = sale.total.minor();
    if (paid < due) {
        return fail(ErrorCode::Validation,
                    Tr::tr("payments: %1 does not cover the total %2")
                            .arg(Money::fromMinor(static_cast<qint64>(paid)).format(QLocale::c()),
                                 sale.total.format(QLocale::c())));
    }
    const Wide change = paid - due;
    if (change > changeable) {
        return fail(ErrorCode::Validation, Tr::tr("payments: only cash (a tender that gives "
                                                  "change) may pay more than is due"));
    }
    if (Wide(sale.change.minor()) != change) {
        return fail(ErrorCode::Validation,
                    Tr::tr("change: should be %1")
                            .arg(Money::fromMinor(static_cast<qint64>(change)).format(QLocale::c())));
    }
    return {};
}

Result<QString> nextReceiptNumber(const Transaction &tx, const Context &ctx)
{
    // The register row is locked by this update until commit: numbers have no gaps and
    // never repeat, however many tills sell at once.
    auto q = tx.exec(QStringLiteral(
                             "UPDATE registers SET next_receipt = next_receipt + 1 WHERE id = ? "
                             "RETURNING next_receipt - 1"),
                     {sql::id(ctx.reg.id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::Internal, QStringLiteral("register vanished"));
    }
    const qint64 number = q->value(0).toLongLong();
    q->finish();
    return QStringLiteral("%1-%2-%3")
            .arg(ctx.store.code)
            .arg(ctx.reg.number, 2, 10, QLatin1Char('0'))
            .arg(number, 6, 10, QLatin1Char('0'));
}

Status write(CallContext &c, Sale &sale, const Context &ctx, const QJsonArray &audits,
             const QList<Money> &shares)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto receipt = nextReceiptNumber(*tx, ctx);
    if (!receipt) {
        return fail(receipt.error());
    }
    sale.receiptNumber = *receipt;
    if (auto ok = insertSale(*tx, sale, contentHash(sale), shares); !ok) {
        return fail(ok.error());
    }
    if (auto ok = moveStock(*tx, sale); !ok) {
        return fail(ok.error());
    }
    if (auto ok = outbox::enqueue(*tx, "sale", sale.id, c.now); !ok) {
        return ok;
    }
    for (const auto &a : audits) {
        const QJsonObject entry = a.toObject();
        if (auto ok = appendAudit(*tx, c,
                                  {entry.value(QStringLiteral("action")).toString(),
                                   sale.receiptNumber, entry, sale.registerId});
            !ok) {
            return fail(ok.error());
        }
    }
    return tx->commit();
}

Result<Sale> replay(CallContext &c, const Sale &sale)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, QStringLiteral("SELECT content_hash FROM sales WHERE id = ?"),
                  {sql::id(sale.id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, QString());
    }
    if (q->value(0).toString() != contentHash(sale)) {
        return fail(ErrorCode::Conflict,
                    Tr::tr("id: a different sale was already stored with this id"));
    }
    return readSale(c.db, sale.id);
}

// The sale checked, priced and written as a new one.
Result<Sale> recordNew(CallContext &c, const Sale &request)
{
    Context ctx;
    if (auto ok = checkPlace(c, request, ctx); !ok) {
        return fail(ok.error());
    }
    QJsonArray audits;
    auto priced = request.kind == SaleKind::Return ? priceReturnLines(c, request, audits)
                                                   : priceLines(c, request, audits);
    if (!priced) {
        return fail(priced.error());
    }
    auto totals = computeSaleTotals(*priced, request.ticketDiscount, ctx.store.taxPolicy(),
                                    ctx.customer);
    if (!totals) {
        return fail(totals.error());
    }
    auto tenders = tendersOf(ctx.tenderById, request);
    if (!tenders) {
        return fail(tenders.error());
    }
    const Status discounts = request.kind == SaleKind::Sale
                                     ? checkDiscounts(c, request, *totals, audits)
                                     : Status();
    for (const Status &ok :
         {discounts, checkTotals(request, *totals), checkPayments(request, *tenders)}) {
        if (!ok) {
            return fail(ok.error());
        }
    }
    Sale sale = request;
    if (auto ok = write(c, sale, ctx, audits, totals->ticketShares); !ok) {
        return fail(ok.error());
    }
    return sale;
}

Result<Sale> createSale(CallContext &c, const Sale &request)
{
    auto sale = recordNew(c, request);
    if (sale) {
        return sale;
    }
    // A sale sent again (the till never saw the answer, or two copies raced) fails as a new
    // one, on its id or on a session closed since: it answers what was stored, and a
    // different sale under the same id conflicts. Looked for only now, so a new sale costs
    // no extra read.
    auto earlier = replay(c, request);
    return earlier || earlier.error().code != ErrorCode::NotFound ? earlier : fail(sale.error());
}

Result<Sale> voidSale(CallContext &c, const VoidRequest &request)
{
    auto sale = readSale(c.db, request.id);
    if (!sale) {
        return fail(sale.error());
    }
    if (sale->storeId != c.server.storeId) {
        return fail(ErrorCode::NotFound, Tr::tr("no such sale"));
    }
    if (sale->status == SaleStatus::Voided) {
        return sale; // voiding twice answers the first void
    }
    if (auto ok = voidCompletedSale(c, *sale, request); !ok) {
        return fail(ok.error());
    }
    return readSale(c.db, request.id);
}

Result<Sale> findSale(CallContext &c, const ReceiptQuery &query)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT id FROM sales WHERE store_id = ? AND receipt_number = ?"),
                  {sql::id(c.server.storeId), query.number.trimmed().toUpper()});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no sale has receipt number %1").arg(query.number));
    }
    const QUuid id = QUuid::fromString(q->value(0).toString());
    q->finish();
    return readSale(c.db, id);
}

Result<QJsonValue> getSale(CallContext &c, const QJsonObject &)
{
    return transform(readSale(c.db, QUuid::fromString(
                                            c.pathParams.value(QStringLiteral("id")).toString())),
                     [](const Sale &s) { return QJsonValue(json::write(s)); });
}

} // namespace

Result<ScanResult> lookupBarcode(CallContext &c, const ScanQuery &query);

void registerStoreHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("lookup_barcode"), typed<ScanQuery, ScanResult>(lookupBarcode));
    dispatcher.add(QStringLiteral("create_sale"), typed<Sale, Sale>(createSale));
    dispatcher.add(QStringLiteral("get_sale"), getSale);
    dispatcher.add(QStringLiteral("find_sale"), typed<ReceiptQuery, Sale>(findSale));
    dispatcher.add(QStringLiteral("void_sale"), typed<VoidRequest, Sale>(voidSale));
    registerTicketHandlers(dispatcher);
    registerReportHandlers(dispatcher);
    registerSessionHandlers(dispatcher);
    registerCloseHandlers(dispatcher);
    registerStockHandlers(dispatcher);
    registerTransferHandlers(dispatcher);
}

} // namespace pos
