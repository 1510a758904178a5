// SPDX-License-Identifier: GPL-3.0-or-later
#include "productcsv.h"

#include "catalogservice.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"

#include "core/base/barcode.h"
#include "core/base/csv.h"
#include "core/base/recordid.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Csv)
};

const QStringList kColumns{QStringLiteral("sku"),        QStringLiteral("name"),
                           QStringLiteral("department"), QStringLiteral("price"),
                           QStringLiteral("cost"),       QStringLiteral("taxes"),
                           QStringLiteral("barcodes"),   QStringLiteral("tax_included"),
                           QStringLiteral("weighed"),    QStringLiteral("active"),
                           QStringLiteral("supplier")};

// Codes to ids and back for one table, read once per import or export.
struct Codes
{
    QHash<QString, QString> idOf;
    QHash<QString, QString> codeOf;
};

Result<Codes> codes(const QSqlDatabase &conn, const char *table, const char *column)
{
    auto q = exec(conn, QStringLiteral("SELECT id, %1 FROM %2 WHERE deleted = FALSE")
                                .arg(QLatin1String(column), QLatin1String(table)));
    if (!q) {
        return fail(q.error());
    }
    Codes c;
    while (q->next()) {
        c.idOf.insert(q->value(1).toString(), q->value(0).toString());
        c.codeOf.insert(q->value(0).toString(), q->value(1).toString());
    }
    return c;
}

struct Lookups
{
    Codes departments;
    Codes taxes;
    Codes suppliers;
    Codes skus; // existing products keep their id
};

Result<Lookups> lookups(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto d = codes(*conn, "departments", "code");
    auto t = d ? codes(*conn, "taxes", "code") : Result<Codes>(fail(d.error()));
    auto s = t ? codes(*conn, "suppliers", "code") : Result<Codes>(fail(t.error()));
    auto k = s ? codes(*conn, "products", "sku") : Result<Codes>(fail(s.error()));
    if (!k) {
        return fail(k.error());
    }
    return Lookups{*d, *t, *s, *k};
}

std::optional<bool> flag(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes")) {
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no")) {
        return false;
    }
    return std::nullopt;
}

QJsonArray idsFor(const QString &list, const Codes &codes, QStringList &unknown)
{
    QJsonArray ids;
    for (const QString &code : list.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const QString id = codes.idOf.value(code.trimmed());
        if (id.isEmpty()) {
            unknown << code.trimmed();
        } else {
            ids.append(id);
        }
    }
    return ids;
}

// One CSV row as a product, checked by the same codec as put_product.
Result<Product> productOf(const QStringList &f, const Lookups &l)
{
    QStringList problems;
    const auto money = [&](qsizetype i) -> qint64 {
        auto m = Money::parse(f.at(i).trimmed(), QLocale::c());
        if (!m) {
            problems << QStringLiteral("%1: %2").arg(kColumns.at(i), m.error().message);
        }
        return m ? m->minor() : 0;
    };
    const auto boolean = [&](qsizetype i) {
        const auto b = flag(f.at(i));
        if (!b) {
            problems << Tr::tr("%1: must be true or false").arg(kColumns.at(i));
        }
        return b.value_or(false);
    };
    QStringList unknownTaxes;
    const QString sku = f.at(0).trimmed();
    const QString department = l.departments.idOf.value(f.at(2).trimmed());
    if (department.isEmpty()) {
        problems << Tr::tr("department: no department has code %1").arg(f.at(2).trimmed());
    }
    const QString supplierCode = f.at(10).trimmed();
    const QString supplier = l.suppliers.idOf.value(supplierCode);
    if (!supplierCode.isEmpty() && supplier.isEmpty()) {
        problems << Tr::tr("supplier: no supplier has code %1").arg(supplierCode);
    }
    const QString existing = l.skus.idOf.value(sku);
    const QJsonObject json{{QStringLiteral("id"),
                            existing.isEmpty() ? sql::id(newRecordId()) : existing},
                           {QStringLiteral("sku"), sku},
                           {QStringLiteral("name"), f.at(1).trimmed()},
                           {QStringLiteral("department_id"),
                            department.isEmpty() ? sql::id(newRecordId()) : department},
                           {QStringLiteral("supplier_id"),
                            supplier.isEmpty() ? QJsonValue() : QJsonValue(supplier)},
                           {QStringLiteral("price"), money(3)},
                           {QStringLiteral("cost"), money(4)},
                           {QStringLiteral("tax_ids"), idsFor(f.at(5), l.taxes, unknownTaxes)},
                           {QStringLiteral("barcodes"),
                            QJsonArray::fromStringList(
                                    f.at(6).split(QLatin1Char('|'), Qt::SkipEmptyParts))},
                           {QStringLiteral("tax_included"), boolean(7)},
                           {QStringLiteral("weighed"), boolean(8)},
                           {QStringLiteral("active"), boolean(9)}};
    if (!unknownTaxes.isEmpty()) {
        problems << Tr::tr("taxes: no tax has code %1").arg(unknownTaxes.join(QStringLiteral(", ")));
    }
    for (const QString &code : f.at(6).split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const QString barcode = normaliseBarcode(code);
        if (isGtin(barcode) && !hasValidCheckDigit(barcode)) {
            problems << Tr::tr("barcodes: %1 has a wrong check digit").arg(code);
        }
    }
    auto product = json::parse<Product>(json);
    if (!product) {
        problems << product.error().message;
        for (const QString &d : product.error().details) {
            problems << d;
        }
    }
    if (!problems.isEmpty()) {
        return fail(ErrorCode::Validation, problems.join(QStringLiteral("; ")));
    }
    return *product;
}

// Every row checked before anything is written: the report lists all bad rows at once.
Result<QList<QPair<qsizetype, Product>>> readRows(const QList<CsvRecord> &records,
                                                  const Lookups &lookups, ImportReport &report)
{
    QList<QPair<qsizetype, Product>> good;
    QHash<QString, qsizetype> skuLine;
    QHash<QString, qsizetype> barcodeLine;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const CsvRecord &r = records.at(i);
        ++report.rows;
        if (r.fields.size() != kColumns.size()) {
            report.problems.append({r.line, Tr::tr("%1 fields where %2 are expected")
                                                    .arg(r.fields.size())
                                                    .arg(kColumns.size())});
            continue;
        }
        auto product = productOf(r.fields, lookups);
        if (!product) {
            report.problems.append({r.line, product.error().message});
            continue;
        }
        if (const qsizetype first = skuLine.value(product->sku); first > 0) {
            report.problems.append(
                    {r.line, Tr::tr("sku: %1 is also on line %2").arg(product->sku).arg(first)});
            continue;
        }
        QStringList taken;
        for (const QString &code : product->barcodes) {
            if (const qsizetype first = barcodeLine.value(normaliseBarcode(code)); first > 0) {
                taken << Tr::tr("barcodes: %1 is also on line %2").arg(code).arg(first);
            }
        }
        if (!taken.isEmpty()) {
            report.problems.append({r.line, taken.join(QStringLiteral("; "))});
            continue;
        }
        skuLine.insert(product->sku, r.line);
        for (const QString &code : product->barcodes) {
            barcodeLine.insert(normaliseBarcode(code), r.line);
        }
        good.append({r.line, *product});
    }
    return good;
}

// Rows whose barcode another product already has: reported, and left out of the write.
Status dropTakenBarcodes(Database &db, QList<QPair<qsizetype, Product>> &rows, ImportReport &report)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    QHash<QString, QString> owner; // barcode -> product id, for the file's barcodes
    QStringList all;
    for (const auto &[line, p] : std::as_const(rows)) {
        for (const QString &b : p.barcodes) {
            all << normaliseBarcode(b);
        }
    }
    for (qsizetype at = 0; at < all.size(); at += 500) {
        const QStringList some = all.mid(at, 500);
        QVariantList values;
        for (const QString &b : some) {
            values << b;
        }
        auto q = exec(*conn,
                      QStringLiteral("SELECT barcode, product_id FROM product_barcodes WHERE "
                                     "barcode IN (?%1)")
                              .arg(QStringLiteral(", ?").repeated(some.size() - 1)),
                      values);
        if (!q) {
            return fail(q.error());
        }
        while (q->next()) {
            owner.insert(q->value(0).toString(), q->value(1).toString());
        }
    }
    QList<QPair<qsizetype, Product>> kept;
    for (const auto &[line, p] : std::as_const(rows)) {
        QStringList taken;
        for (const QString &b : p.barcodes) {
            const QString id = owner.value(normaliseBarcode(b));
            if (!id.isEmpty() && id != sql::id(p.id)) {
                taken << Tr::tr("barcodes: %1 already belongs to another product").arg(b);
            }
        }
        if (taken.isEmpty()) {
            kept.append({line, p});
        } else {
            report.problems.append({line, taken.join(QStringLiteral("; "))});
        }
    }
    rows = kept;
    return {};
}

Result<ImportReport> importProducts(CallContext &c, const ProductImport &request)
{
    auto records = parseCsv(request.csv);
    if (!records) {
        return fail(records.error());
    }
    if (records->isEmpty() || records->first().fields != kColumns) {
        return fail(ErrorCode::Validation,
                    Tr::tr("line 1: the header must be %1").arg(kColumns.join(QLatin1Char(','))));
    }
    auto known = lookups(c.db);
    if (!known) {
        return fail(known.error());
    }
    ImportReport report;
    auto rows = readRows(*records, *known, report);
    if (!rows) {
        return fail(rows.error());
    }
    if (auto ok = dropTakenBarcodes(c.db, *rows, report); !ok) {
        return fail(ok.error());
    }
    std::sort(report.problems.begin(), report.problems.end(),
              [](const ImportProblem &a, const ImportProblem &b) { return a.line < b.line; });
    const bool allOrNothing = request.mode == ImportMode::AllOrNothing;
    if (allOrNothing && !report.problems.isEmpty()) {
        return report; // nothing written
    }
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    QList<Product> products;
    for (const auto &[line, product] : std::as_const(*rows)) {
        products << product;
    }
    if (auto ok = storeProducts(*tx, products); !ok) {
        return fail(ok.error());
    }
    report.imported = products.size();
    const AuditEntry audit{QStringLiteral("products.imported"), QString(),
                           QJsonObject{{QStringLiteral("rows"), report.rows},
                                       {QStringLiteral("imported"), report.imported}},
                           QUuid()};
    if (auto ok = appendAudit(*tx, c, audit); !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return report;
}

Result<ProductExport> exportProducts(CallContext &c, const Empty &)
{
    auto known = lookups(c.db);
    auto conn = known ? c.db.connection() : Result<QSqlDatabase>(fail(known.error()));
    if (!conn) {
        return fail(conn.error());
    }
    auto products = readProductsWhere(*conn, QStringLiteral("WHERE deleted = FALSE ORDER BY sku"),
                                      {});
    if (!products) {
        return fail(products.error());
    }
    QString csv = csvLine(kColumns);
    const auto codesOf = [](const QList<QUuid> &ids, const Codes &codes) {
        QStringList out;
        for (const QUuid &id : ids) {
            out << codes.codeOf.value(sql::id(id));
        }
        return out.join(QLatin1Char('|'));
    };
    const auto yes = [](bool b) {
        return b ? QStringLiteral("true") : QStringLiteral("false");
    };
    for (const Product &p : std::as_const(*products)) {
        csv += csvLine({p.sku, p.name, known->departments.codeOf.value(sql::id(p.departmentId)),
                        p.price.format(QLocale::c()), p.cost.format(QLocale::c()),
                        codesOf(p.taxIds, known->taxes), p.barcodes.join(QLatin1Char('|')),
                        yes(p.taxIncluded), yes(p.weighed), yes(p.active),
                        p.supplierId.isNull()
                                ? QString()
                                : known->suppliers.codeOf.value(sql::id(p.supplierId))});
    }
    return ProductExport{csv};
}

} // namespace

void registerProductCsvHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("import_products"),
                   typed<ProductImport, ImportReport>(importProducts));
    dispatcher.add(QStringLiteral("export_products"), typed<Empty, ProductExport>(exportProducts));
}

} // namespace pos
