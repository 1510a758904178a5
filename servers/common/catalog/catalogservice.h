// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"
#include "core/db/transaction.h"
#include "core/model/catalog.h"

#include <QHash>

namespace pos {

class Dispatcher;

// Products read with their barcodes and taxes: `where` follows "SELECT ... FROM products".
Result<QList<Product>> readProductsWhere(const QSqlDatabase &conn, const QString &where,
                                         const QVariantList &values, Plan plan = Plan::Reuse);
Result<Product> productById(Database &db, const QUuid &id); // NotFound when absent
// Several products at once (the lines of a sale), by id; the deleted and absent are missing.
Result<QHash<QUuid, Product>> productsByIds(const QSqlDatabase &conn, const QList<QUuid> &ids);
// Taxes by id in one query; an id that is not a tax is missing from the answer.
Result<QHash<QUuid, Tax>> taxesByIds(const QSqlDatabase &conn, const QList<QUuid> &ids);
// A tax's columns in a statement over `taxes` (named through `alias` in a join), and the
// tax read from them starting at column `at`.
QString taxColumns(const QString &alias = {});
Tax taxAt(const QSqlQuery &q, int at);
Result<QList<Tax>> taxesOf(Database &db, const Product &product);
// The product's taxes as the tax engine takes them.
Result<QList<TaxRule>> taxRulesOf(Database &db, const Product &product);

// Binds departments, taxes and products: list, read, create or replace.
void registerCatalogHandlers(Dispatcher &dispatcher);

// Writes a product with its barcodes, taxes and search words and gives it the next master
// version, inside the caller's transaction (put_product, a CSV import).
Status storeProduct(const Transaction &tx, const Product &product);

// The same for many products at once (an import): a few statements per few hundred
// products, all taking one master version. The caller has checked what the database would
// refuse row by row (check digits, barcodes of other products): a refusal here fails all.
Status storeProducts(const Transaction &tx, const QList<Product> &products);

// Adds the search words of products written without them (pulled from HQ): id, name.
// Words they had before must be deleted first.
Status addProductWords(const Transaction &tx, const QList<std::pair<QString, QString>> &products);

} // namespace pos
