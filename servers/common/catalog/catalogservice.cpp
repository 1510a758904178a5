// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/catalog/mastertable.h"
#include "servers/common/listcolumn.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/masterversion.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"
#include "servers/common/paging.h"

#include "core/base/barcode.h"
#include "core/base/text.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

// A LIKE pattern matching text anywhere, with the user's % and _ taken literally.
// The words a search can start from: the folded name split on anything but letters and digits.
// Split by hand rather than by a regular expression: a first pull splits a million names.
QStringList searchWords(const QString &text)
{
    const QString folded = foldForSearch(text);
    QStringList words;
    qsizetype start = -1; // where the word being read began
    for (qsizetype at = 0; at <= folded.size(); ++at) {
        // Letters beyond the 16-bit range come as surrogate pairs: one code point, two QChars.
        const bool pair = at + 1 < folded.size() && folded.at(at).isHighSurrogate()
                          && folded.at(at + 1).isLowSurrogate();
        const char32_t c = at == folded.size() ? 0
                           : pair ? QChar::surrogateToUcs4(folded.at(at), folded.at(at + 1))
                                  : folded.at(at).unicode();
        const bool inWord = at < folded.size() && QChar::isLetterOrNumber(c);
        if (inWord && start < 0) {
            start = at;
        } else if (!inWord && start >= 0) {
            words << folded.sliced(start, at - start);
            start = -1;
        }
        at += pair ? 1 : 0;
    }
    words.removeDuplicates();
    return words;
}

// A product's rows of product_words: each word with the product and its name key, the
// words again as " arroz integral 465800", against which a search checks its other words
// ("% inte%": a word starting with "inte"). Words hold letters and digits only, so no
// word can carry a LIKE wildcard.
void appendWordRows(CopyRows &rows, const QString &productId, const QString &name)
{
    const QStringList words = searchWords(name);
    const QString key = QLatin1Char(' ') + words.join(QLatin1Char(' '));
    for (const QString &w : words) {
        rows.text(w).text(productId).text(key);
    }
}

const QStringList &wordColumns()
{
    static const QStringList columns{QStringLiteral("word"), QStringLiteral("product_id"),
                                     QStringLiteral("name_key")};
    return columns;
}

// Runs a write and its audit row in one transaction.
Status writeAudited(Database &db, const CallContext &c, const AuditEntry &audit,
                    const std::function<Status(const Transaction &)> &write)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = write(*tx); !ok) {
        return fail(ok.error());
    }
    if (auto ok = appendAudit(*tx, c, audit); !ok) {
        return fail(ok.error());
    }
    return tx->commit();
}

Status writeProduct(const Transaction &tx, const Product &p)
{
    const QString pid = sql::id(p.id);
    auto q = tx.exec(QStringLiteral(
                             "INSERT INTO products (id, sku, name, name_folded, department_id, "
                             "supplier_id, price, cost, tax_included, weighed, active) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                             "sku = excluded.sku, name = excluded.name, name_folded = "
                             "excluded.name_folded, department_id = excluded.department_id, "
                             "supplier_id = excluded.supplier_id, price = excluded.price, cost = "
                             "excluded.cost, tax_included = excluded.tax_included, weighed = "
                             "excluded.weighed, active = excluded.active"),
                     {pid, p.sku, p.name, foldForSearch(p.name), sql::id(p.departmentId),
                      sql::idOrNull(p.supplierId), p.price.minor(), p.cost.minor(), p.taxIncluded,
                      p.weighed, p.active});
    if (!q) {
        return fail(q.error().code == ErrorCode::Conflict
                            ? Error{ErrorCode::Conflict,
                                    Tr::tr("sku: %1 already belongs to another product").arg(p.sku)}
                            : q.error());
    }
    for (const QString &table :
         {QStringLiteral("product_barcodes"), QStringLiteral("product_taxes")}) {
        if (auto d = tx.exec(QStringLiteral("DELETE FROM %1 WHERE product_id = ?").arg(table),
                             {pid});
            !d) {
            return fail(d.error());
        }
    }
    for (qsizetype i = 0; i < p.barcodes.size(); ++i) {
        const QString barcode = normaliseBarcode(p.barcodes[i]);
        if (isGtin(barcode) && !hasValidCheckDigit(barcode)) {
            return fail(ErrorCode::Validation,
                        Tr::tr("barcodes[%1]: %2 has a wrong check digit").arg(i).arg(p.barcodes[i]));
        }
        auto b = tx.exec(
                QStringLiteral("INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)"),
                {barcode, pid});
        if (!b) {
            return fail(b.error().code == ErrorCode::Conflict
                                ? Error{ErrorCode::Conflict,
                                        Tr::tr("barcodes: %1 already belongs to another product")
                                                .arg(barcode)}
                                : b.error());
        }
    }
    for (qsizetype i = 0; i < p.taxIds.size(); ++i) {
        auto t = tx.exec(QStringLiteral("INSERT INTO product_taxes (product_id, tax_id, position) "
                                        "VALUES (?, ?, ?)"),
                         {pid, sql::id(p.taxIds[i]), qint64(i)});
        if (!t) {
            return fail(t.error());
        }
    }
    if (auto d = tx.exec(QStringLiteral("DELETE FROM product_words WHERE product_id = ?"), {pid});
        !d) {
        return fail(d.error());
    }
    return addProductWords(tx, {{pid, p.name}});
}

Result<Product> putProduct(CallContext &c, const Product &p)
{
    auto ok = writeAudited(c.db, c, {QStringLiteral("product.changed"), {}, json::write(p), {}},
                           [&](const Transaction &tx) { return storeProduct(tx, p); });
    return ok ? Result<Product>(p) : fail(ok.error());
}

Result<QJsonValue> getProduct(CallContext &c, const QJsonObject &)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto rows = readProductsWhere(*conn, QStringLiteral("WHERE id = ? AND deleted = FALSE"),
                                  {c.pathParams.value(QStringLiteral("id")).toString()});
    if (!rows) {
        return fail(rows.error());
    }
    if (rows->isEmpty()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such product"));
    }
    return QJsonValue(json::write(rows->first()));
}

// Products whose name has a word starting with each word searched ("caf mol" finds
// "Café molido"), accents and case ignored; every word is an index range scan.
// Every word with a prefix sorts between the prefix and the prefix + U+FFFF.
void addWordRange(QVariantList &values, const QString &word)
{
    values << word << word + QChar(0xFFFF);
}

// A word range whose bounds the planner cannot see. The statements below read the same
// way for any words (the rarest word drives), and PostgreSQL keeps the plan of such a
// statement only when its estimate cannot change with the values: otherwise it plans
// every call again for its values, 0.07-0.1 ms each at a million products.
const QString kOpaqueRange = QStringLiteral(
        "word >= (SELECT CAST(? AS TEXT)) AND %1word < (SELECT CAST(? AS TEXT))");

// The other words of a search, checked against the name key of the word row `m` that
// the first word's range reads, which the index holds: no probe per candidate. As an IN
// list or EXISTS, the planners read every product with a common word ("pan": 50,000 at a
// million products).
QString otherWords(const QStringList &words, QVariantList &values)
{
    QString others;
    for (const QString &w : words.mid(1)) {
        others += QStringLiteral(" AND m.name_key LIKE (SELECT CAST(? AS TEXT))");
        values << QLatin1String("% ") + w + QLatin1Char('%');
    }
    return others;
}

// The words as a condition on the products `owner` names, for the name order path
// (planned per call, with the first word's range in view); none without words.
QString wordConditions(const QStringList &words, const QString &owner, QVariantList &values)
{
    if (words.isEmpty()) {
        return {};
    }
    addWordRange(values, words.first());
    return QStringLiteral(" AND %1 IN (SELECT m.product_id FROM product_words m WHERE m.word >= ? "
                          "AND m.word < ?%2)")
            .arg(owner, otherWords(words, values));
}

// How many search words start with each of `words`, each counted up to `most` + 1, in one
// statement: the rarest word is the one to pick candidates with.
Result<QList<qint64>> wordCounts(const QSqlDatabase &conn, const QStringList &words, qsizetype most)
{
    QStringList counts;
    QVariantList values;
    for (const QString &w : words) {
        // The limit in the text, like the range out of sight: a plan for one value of it.
        counts << QStringLiteral("(SELECT COUNT(*) FROM (SELECT 1 FROM product_words WHERE %1 "
                                 "LIMIT %2) c%3)")
                          .arg(kOpaqueRange.arg(QString()))
                          .arg(most + 1)
                          .arg(counts.size());
        addWordRange(values, w);
    }
    auto q = exec(conn, QStringLiteral("SELECT ") + counts.join(QStringLiteral(", ")), values);
    if (!q) {
        return fail(q.error());
    }
    QList<qint64> out;
    if (q->next()) {
        for (qsizetype i = 0; i < words.size(); ++i) {
            out << q->value(int(i)).toLongLong();
        }
    }
    return out;
}

// The ids of the products whose words match, when there are at most `most` of them.
Result<std::optional<QVariantList>> matchingIds(const QSqlDatabase &conn, const QStringList &words,
                                                qsizetype most)
{
    QVariantList values;
    addWordRange(values, words.first());
    const QString others = otherWords(words, values);
    values << static_cast<qint64>(most + 1);
    // No DISTINCT: it made PostgreSQL walk the whole (product_id, word) index for its
    // order. A product with two words starting alike comes twice and is counted once here.
    auto q = exec(conn,
                  QStringLiteral("SELECT m.product_id FROM product_words m WHERE m.%1%2 LIMIT ?")
                          .arg(kOpaqueRange.arg(QStringLiteral("m.")), others),
                  values);
    if (!q) {
        return fail(q.error());
    }
    QVariantList ids;
    QSet<QString> seen;
    qsizetype rows = 0;
    for (; q->next(); ++rows) {
        const QString id = q->value(0).toString();
        if (!seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    }
    // Over the limit in rows, there may be more than `most` products: the name order decides.
    return rows > most ? std::nullopt : std::optional<QVariantList>(ids);
}

Result<Page<Product>> listProducts(CallContext &c, const ListQuery &query)
{
    auto p = paging(query);
    auto conn = c.db.connection();
    if (!p || !conn) {
        return fail(!p ? p.error() : conn.error());
    }
    QStringList words = searchWords(query.q);
    std::stable_sort(words.begin(), words.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QString where = QStringLiteral("WHERE deleted = FALSE");
    QVariantList values;
    // A search whose rarest word matches a few thousand products at most is three short
    // statements: the words' counts, the ids through the word index with the rarest word
    // picking the candidates ("arro 1234": "1234", not "arro", which matches 50,000), then
    // those products in name order. One statement let the planners walk the name index
    // through the whole catalog to avoid a sort.
    constexpr qsizetype kMost = 2000;
    // Words are counted only this far: reading 2,000 index entries of each common word
    // cost more than the choice saved. A word under it is rare enough to pick with.
    constexpr qsizetype kCounted = 300;
    // One word needs no choosing: its count is the ids statement's own limit.
    auto counts = words.size() < 2 ? Result<QList<qint64>>(QList<qint64>(words.size(), 0))
                                   : wordCounts(*conn, words, kCounted);
    if (!counts) {
        return fail(counts.error());
    }
    Result<std::optional<QVariantList>> ids = std::nullopt;
    if (!counts->isEmpty()) {
        // The rarest word picks the candidates; when every word is over kCounted, the
        // longest (the first of equals). Over kMost matches, the name order decides.
        const auto rarest = std::min_element(counts->cbegin(), counts->cend()) - counts->cbegin();
        words.move(rarest, 0);
        ids = matchingIds(*conn, words, kMost);
    }
    if (!ids) {
        return fail(ids.error());
    }
    const std::optional<QVariantList> &found = *ids;
    if (found.has_value() && found->isEmpty()) {
        return pageOf(QList<Product>(), *p);
    }
    if (found.has_value()) {
        where += QStringLiteral(" AND id IN (?%1)")
                         .arg(QStringLiteral(", ?").repeated(found->size() - 1));
        values = *found;
    } else {
        where += wordConditions(words, QStringLiteral("id"), values);
    }
    values << p->limit + 1 << p->offset;
    // Through the word index, the plan depends on the words; by ids, it does not.
    auto rows = readProductsWhere(*conn,
                                  where
                                          + QStringLiteral(
                                                  " ORDER BY name_folded, id LIMIT ? OFFSET ?"),
                                  values, *ids ? Plan::Reuse : Plan::PerCall);
    if (!rows) {
        return fail(rows.error());
    }
    return pageOf(*rows, *p);
}

Result<Page<Product>> departmentProducts(CallContext &c, const ListQuery &query)
{
    auto p = paging(query);
    auto conn = c.db.connection();
    if (!p || !conn) {
        return fail(!p ? p.error() : conn.error());
    }
    // Served by the (department_id, name_folded) index.
    auto rows = readProductsWhere(
            *conn,
            QStringLiteral("WHERE department_id = ? AND deleted = FALSE AND active = TRUE "
                           "ORDER BY name_folded, id LIMIT ? OFFSET ?"),
            {c.pathParams.value(QStringLiteral("id")).toString(), p->limit + 1, p->offset});
    if (!rows) {
        return fail(rows.error());
    }
    return pageOf(*rows, *p);
}

} // namespace

namespace {

Status storeChunk(const Transaction &tx, const QList<Product> &chunk, qint64 version)
{
    QVariantList rows;
    QVariantList ids;
    QVariantList barcodes;
    QVariantList taxes;
    CopyRows words(tx.engine(), wordColumns().size());
    for (const Product &p : chunk) {
        const QString pid = sql::id(p.id);
        rows << pid << p.sku << p.name << foldForSearch(p.name) << sql::id(p.departmentId)
             << sql::idOrNull(p.supplierId) << p.price.minor() << p.cost.minor() << p.taxIncluded
             << p.weighed << p.active << version;
        ids << pid;
        for (const QString &b : p.barcodes) {
            barcodes << normaliseBarcode(b) << pid;
        }
        for (qsizetype t = 0; t < p.taxIds.size(); ++t) {
            taxes << pid << sql::id(p.taxIds[t]) << qint64(t);
        }
        appendWordRows(words, pid, p.name);
    }
    const QString upsert = QStringLiteral(
            " ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, "
            "name_folded = excluded.name_folded, department_id = excluded.department_id, "
            "supplier_id = excluded.supplier_id, price = excluded.price, cost = excluded.cost, "
            "tax_included = excluded.tax_included, weighed = excluded.weighed, active = "
            "excluded.active, version = excluded.version");
    auto q = tx.queue(QStringLiteral("INSERT INTO products (id, sku, name, name_folded, "
                                     "department_id, supplier_id, price, cost, tax_included, "
                                     "weighed, active, version) VALUES ")
                              + sql::rows(chunk.size(), 12) + upsert,
                      rows);
    if (!q) {
        return fail(q.error());
    }
    const QString in = QStringLiteral("?") + QStringLiteral(", ?").repeated(ids.size() - 1);
    for (const char *table : {"product_barcodes", "product_taxes", "product_words"}) {
        auto d = tx.queue(QStringLiteral("DELETE FROM %1 WHERE product_id IN (%2)")
                                  .arg(QLatin1String(table), in),
                          ids);
        if (!d) {
            return fail(d.error());
        }
    }
    // Every child row is new after the deletes above: they go in by copy.
    Status ok = tx.copy(QStringLiteral("product_barcodes"),
                        {QStringLiteral("barcode"), QStringLiteral("product_id")}, barcodes);
    ok = ok ? tx.copy(QStringLiteral("product_taxes"),
                      {QStringLiteral("product_id"), QStringLiteral("tax_id"),
                       QStringLiteral("position")},
                      taxes)
            : ok;
    return ok ? tx.copy(QStringLiteral("product_words"), wordColumns(), words) : ok;
}

} // namespace

Status addProductWords(const Transaction &tx, const QList<std::pair<QString, QString>> &products)
{
    CopyRows words(tx.engine(), wordColumns().size());
    for (const auto &[id, name] : products) {
        appendWordRows(words, id, name);
    }
    return tx.copy(QStringLiteral("product_words"), wordColumns(), words);
}

Status storeProducts(const Transaction &tx, const QList<Product> &products)
{
    constexpr qsizetype kChunk = 400; // SQLite allows 32,766 parameters a statement
    for (qsizetype at = 0; at < products.size(); at += kChunk) {
        if (auto ok = storeChunk(tx, products.mid(at, kChunk), 0); !ok) {
            return ok;
        }
    }
    // The version last, as every master write takes it: rows first, then the version lock.
    auto version = takeMasterVersion(tx.db());
    if (!version) {
        return fail(version.error());
    }
    for (qsizetype at = 0; at < products.size(); at += kChunk) {
        QVariantList values{*version};
        for (const Product &p : products.mid(at, kChunk)) {
            values << sql::id(p.id);
        }
        auto q = tx.exec(QStringLiteral("UPDATE products SET version = ? WHERE id IN (?%1)")
                                 .arg(QStringLiteral(", ?").repeated(values.size() - 2)),
                         values);
        if (!q) {
            return fail(q.error());
        }
    }
    return {};
}

Status storeProduct(const Transaction &tx, const Product &product)
{
    if (auto written = writeProduct(tx, product); !written) {
        return written;
    }
    return stampMasterVersion(tx, QStringLiteral("products"), product.id);
}

namespace {

QStringList textList(const QVariant &json)
{
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(json.toString().toUtf8()).array()) {
        out << v.toString();
    }
    return out;
}

} // namespace

Result<QList<Product>> readProductsWhere(const QSqlDatabase &conn, const QString &where,
                                         const QVariantList &values, Plan plan)
{
    // The products first, then their barcodes (sorted) and taxes (in order) per row that
    // `where` kept: a search's page of 50 out of the 2,000 products it sorted, not all of
    // them. One statement where the lists were a second one: one round trip less a scan.
    static const QString kColumns = QStringLiteral(
            "id, sku, name, department_id, supplier_id, price, cost, tax_included, weighed, "
            "active");
    const QString sql = QStringLiteral("SELECT p.*, %1, %2 FROM (SELECT %3 FROM products %4) p")
                                .arg(sql::listColumn({QStringLiteral("product_barcodes"),
                                                      QStringLiteral("product_id"),
                                                      {QStringLiteral("barcode")},
                                                      {}},
                                                     QStringLiteral("p"), conn),
                                     sql::listColumn({QStringLiteral("product_taxes"),
                                                      QStringLiteral("product_id"),
                                                      {QStringLiteral("tax_id")},
                                                      QStringLiteral("position")},
                                                     QStringLiteral("p"), conn),
                                     kColumns, where);
    auto q = exec(conn, sql, values, plan);
    if (!q) {
        return fail(q.error());
    }
    QList<Product> rows;
    while (q->next()) {
        QList<QUuid> taxIds;
        for (const QString &t : textList(q->value(11))) {
            taxIds << QUuid::fromString(t);
        }
        rows.append(Product{QUuid::fromString(q->value(0).toString()), q->value(1).toString(),
                            textList(q->value(10)), q->value(2).toString(),
                            QUuid::fromString(q->value(3).toString()),
                            QUuid::fromString(q->value(4).toString()),
                            Money::fromMinor(q->value(5).toLongLong()),
                            Money::fromMinor(q->value(6).toLongLong()), taxIds,
                            q->value(7).toBool(), q->value(8).toBool(), q->value(9).toBool()});
    }
    return rows;
}

Result<Product> productById(Database &db, const QUuid &id)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto rows = readProductsWhere(*conn, QStringLiteral("WHERE id = ? AND deleted = FALSE"),
                                  {sql::id(id)});
    if (!rows) {
        return fail(rows.error());
    }
    if (rows->isEmpty()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such product"));
    }
    return rows->first();
}

namespace {

QString placeholdersFor(qsizetype n)
{
    return QStringLiteral("?") + QStringLiteral(", ?").repeated(std::max<qsizetype>(n, 1) - 1);
}

QVariantList idValues(const QList<QUuid> &ids)
{
    QVariantList out;
    for (const QUuid &id : ids) {
        out << sql::id(id);
    }
    return out;
}

} // namespace

Result<QHash<QUuid, Product>> productsByIds(const QSqlDatabase &conn, const QList<QUuid> &ids)
{
    QHash<QUuid, Product> out;
    if (ids.isEmpty()) {
        return out;
    }
    auto rows = readProductsWhere(conn,
                                  QStringLiteral("WHERE id IN (%1) AND deleted = FALSE")
                                          .arg(placeholdersFor(ids.size())),
                                  idValues(ids));
    if (!rows) {
        return fail(rows.error());
    }
    for (const Product &p : *rows) {
        out.insert(p.id, p);
    }
    return out;
}

Result<QHash<QUuid, Tax>> taxesByIds(const QSqlDatabase &conn, const QList<QUuid> &ids)
{
    QHash<QUuid, Tax> out;
    if (ids.isEmpty()) {
        return out;
    }
    auto q = exec(conn,
                  QStringLiteral("SELECT %1 FROM taxes WHERE id IN (%2)")
                          .arg(taxColumns())
                          .arg(placeholdersFor(ids.size())),
                  idValues(ids));
    if (!q) {
        return fail(q.error());
    }
    while (q->next()) {
        const Tax t = taxAt(*q, 0);
        out.insert(t.id, t);
    }
    return out;
}

QString taxColumns(const QString &alias)
{
    QStringList columns{QStringLiteral("id"),   QStringLiteral("code"),
                        QStringLiteral("name"), QStringLiteral("rate_milli_bp"),
                        QStringLiteral("kind"), QStringLiteral("compound")};
    if (!alias.isEmpty()) {
        for (QString &c : columns) {
            c.prepend(alias + QLatin1Char('.'));
        }
    }
    return columns.join(QStringLiteral(", "));
}

Tax taxAt(const QSqlQuery &q, int at)
{
    Tax t{QUuid::fromString(q.value(at).toString()),
          q.value(at + 1).toString(),
          q.value(at + 2).toString(),
          TaxRate::fromMilliBasisPoints(q.value(at + 3).toLongLong()),
          TaxKind::Standard,
          q.value(at + 5).toBool(),
          true};
    t.kind = json::enumFromName(q.value(at + 4).toString(), kTaxKindNames, t.kind);
    return t;
}

Result<QList<Tax>> taxesOf(Database &db, const Product &product)
{
    auto conn = db.connection();
    auto found = conn ? taxesByIds(*conn, product.taxIds)
                      : Result<QHash<QUuid, Tax>>(fail(conn.error()));
    if (!found) {
        return fail(found.error());
    }
    QList<Tax> out;
    for (const QUuid &taxId : product.taxIds) { // in the product's order: compounding needs it
        if (!found->contains(taxId)) {
            return fail(ErrorCode::Validation,
                        Tr::tr("product %1 has an unknown tax").arg(product.sku));
        }
        out << found->value(taxId);
    }
    return out;
}

Result<QList<TaxRule>> taxRulesOf(Database &db, const Product &product)
{
    return transform(taxesOf(db, product), [](const QList<Tax> &taxes) {
        QList<TaxRule> rules;
        for (const Tax &t : taxes) {
            rules << t.rule();
        }
        return rules;
    });
}

void registerCatalogHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("put_product"), typed<Product, Product>(putProduct));
    dispatcher.add(QStringLiteral("delete_product"),
                   typed<Id, Empty>([](CallContext &c, const Id &id) {
                       return retireMaster(c, "products", "product.retired", id.id);
                   }));
    dispatcher.add(QStringLiteral("get_product"), getProduct);
    dispatcher.add(QStringLiteral("get_department_products"),
                   typed<ListQuery, Page<Product>>(departmentProducts));
    dispatcher.add(QStringLiteral("get_products"), typed<ListQuery, Page<Product>>(listProducts));
}

} // namespace pos
