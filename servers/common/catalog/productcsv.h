// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// import_products and export_products: the catalog as CSV, columns
// sku,name,department,price,cost,taxes,barcodes,tax_included,weighed,active,supplier
// (codes for department, taxes and supplier; lists joined with "|"; amounts like 12.50).
void registerProductCsvHandlers(Dispatcher &dispatcher);

} // namespace pos
