// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeservices.h"

#include "servers/common/catalog/catalogservice.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Scan)
};

} // namespace

// What a scan rings up. An in-store label's item code is a barcode of its product too.
Result<ScanResult> lookupBarcode(CallContext &c, const ScanQuery &query)
{
    auto rules = barcodeRules(c.db);
    if (!rules) {
        return fail(rules.error());
    }
    auto scanned = readBarcode(query.code, *rules);
    if (!scanned) {
        return fail(scanned.error());
    }
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    // By barcode, then by SKU: two index lookups. One statement with "id IN (...) OR
    // sku = ?" made PostgreSQL read every product.
    auto found = readProductsWhere(*conn,
                                   QStringLiteral("WHERE deleted = FALSE AND id = (SELECT "
                                                  "product_id FROM product_barcodes WHERE "
                                                  "barcode = ?)"),
                                   {scanned->lookupCode});
    if (found && found->isEmpty()) {
        found = readProductsWhere(*conn, QStringLiteral("WHERE deleted = FALSE AND sku = ?"),
                                  {scanned->lookupCode});
    }
    if (!found) {
        return fail(found.error());
    }
    if (found->isEmpty()) {
        return fail(ErrorCode::NotFound, Tr::tr("nothing has the code %1").arg(query.code));
    }
    const Product &p = found->first();
    if (!p.active) {
        return fail(ErrorCode::Validation, Tr::tr("%1 is not for sale").arg(p.name));
    }
    const bool priceLabel = scanned->embedded && !scanned->price.isZero();
    return ScanResult{p, scanned->quantity, priceLabel ? scanned->price : p.price,
                      scanned->embedded};
}

} // namespace pos
