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
            {"departments", {"code", "name", "parent_id", "color", "active"}, {"active"}},
            {"taxes",
             {"code", "name", "rate_milli_bp", "kind", "compound", "active"},
             {"compound", "active"}},
            {"suppliers", {"code", "name", "contact", "phone", "email", "active"}, {"active"}},
            {"products",
             {"sku", "name", "name_folded", "department_id", "supplier_id", "price", "cost",
              "tax_included", "weighed", "active"},
             {"tax_included", "weighed", "active"}},
            {"tenders",
             {"code", "name", "kind", "opens_drawer", "gives_change", "active"},
             {"opens_drawer", "gives_change", "active"}},
            {"customers",
             {"code", "name", "email", "phone", "tax_id", "tax_exempt", "active"},
             {"tax_exempt", "active"}},
            {"sales_reps", {"code", "name", "active"}, {"active"}},
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
