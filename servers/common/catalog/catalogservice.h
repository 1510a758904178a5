// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"
#include "core/model/catalog.h"

namespace pos {

class Dispatcher;

// Products read with their barcodes and taxes: `where` follows "SELECT ... FROM products".
Result<QList<Product>> readProductsWhere(const QSqlDatabase &conn, const QString &where,
                                         const QVariantList &values);
Result<Product> productById(Database &db, const QUuid &id); // NotFound when absent
Result<QList<Tax>> taxesOf(Database &db, const Product &product);
// The product's taxes as the tax engine takes them.
Result<QList<TaxRule>> taxRulesOf(Database &db, const Product &product);

// Binds departments, taxes and products: list, read, create or replace.
void registerCatalogHandlers(Dispatcher &dispatcher);

} // namespace pos
