// SPDX-License-Identifier: GPL-3.0-or-later
#include "synctables.h"

namespace pos {

const QList<SyncTable> &syncTables()
{
    static const QList<SyncTable> tables{
            {"stores",
             {"code", "name", "address", "time_zone", "currency", "price_mode", "tax_scope",
              "rounding", "active"},
             {"active"}},
            {"registers", {"store_id", "number", "name", "active"}, {"active"}},
            {"roles",
             {"name", "discount_limit_bp"},
             {},
             {{"permissions", "role_permissions", "role_id", {"permission"}, nullptr}},
             nullptr,
             {},
             "name"},
            // Users come with their hashes: a store checks passwords and PINs itself.
            {"users",
             {"username", "full_name", "language", "password_hash", "pin_hash", "pin_lookup",
              "active"},
             {"active"},
             {{"role_ids", "user_roles", "user_id", {"role_id"}, nullptr},
              {"store_ids", "user_stores", "user_id", {"store_id"}, nullptr}},
             // Staff of no store in particular (HQ's admin) work at every store; others only
             // at theirs, and every other store gets them as a tombstone without secrets.
             "(NOT EXISTS (SELECT 1 FROM user_stores x WHERE x.user_id = users.id) OR EXISTS "
             "(SELECT 1 FROM user_stores x WHERE x.user_id = users.id AND x.store_id = ?))",
             {{"password_hash", ""}, {"pin_hash", ""}, {"pin_lookup", nullptr}},
             "username"},
            {"departments",
             {"code", "name", "parent_id", "color", "active"},
             {"active"},
             {},
             nullptr,
             {},
             "code"},
            {"taxes",
             {"code", "name", "rate_milli_bp", "kind", "compound", "active"},
             {"compound", "active"},
             {},
             nullptr,
             {},
             "code"},
            {"suppliers",
             {"code", "name", "contact", "phone", "email", "active"},
             {"active"},
             {},
             nullptr,
             {},
             "code"},
            {"products",
             {"sku", "name", "name_folded", "department_id", "supplier_id", "price", "cost",
              "tax_included", "weighed", "active"},
             {"tax_included", "weighed", "active"},
             {{"barcodes", "product_barcodes", "product_id", {"barcode"}, nullptr, true},
              {"tax_ids", "product_taxes", "product_id", {"tax_id"}, "position"}},
             nullptr,
             {},
             "sku"},
            {"tenders",
             {"code", "name", "kind", "opens_drawer", "gives_change", "active"},
             {"opens_drawer", "gives_change", "active"},
             {},
             nullptr,
             {},
             "code"},
            {"customers",
             {"code", "name", "name_folded", "email", "phone", "tax_id", "tax_exempt", "active"},
             {"tax_exempt", "active"}},
            {"sales_reps", {"code", "name", "active"}, {"active"}, {}, nullptr, {}, "code"},
            // A transfer goes to the two stores it joins, with its lines.
            {"transfers",
             {"from_store_id", "to_store_id", "sequence", "status", "created_at", "sent_at",
              "received_at", "note", "resolution"},
             {},
             {{"lines",
               "transfer_lines",
               "transfer_id",
               {"product_id", "sent", "received", "damaged"},
               nullptr}},
             "(from_store_id = ? OR to_store_id = ?)"},
            {"barcode_rules",
             {"prefix", "item_start", "item_length", "value_start", "value_length", "value_kind"},
             {}},
    };
    return tables;
}

const SyncTable *syncTable(const QString &name)
{
    for (const SyncTable &t : syncTables()) {
        if (name == QLatin1String(t.name)) {
            return &t;
        }
    }
    return nullptr;
}

} // namespace pos
