// SPDX-License-Identifier: GPL-3.0-or-later
#include "permission.h"

#include <array>
#include <utility>

namespace pos {

namespace {
constexpr std::array kNames{
        std::pair{Permission::SalesDiscount, "sales.discount"},
        std::pair{Permission::SalesPriceOverride, "sales.price_override"},
        std::pair{Permission::SalesVoid, "sales.void"},
        std::pair{Permission::SalesRefund, "sales.refund"},
        std::pair{Permission::DrawerNoSale, "drawer.no_sale"},
        std::pair{Permission::RegisterOpen, "register.open"},
        std::pair{Permission::RegisterClose, "register.close"},
        std::pair{Permission::InventoryAdjust, "inventory.adjust"},
        std::pair{Permission::ProductsEdit, "products.edit"},
        std::pair{Permission::UsersManage, "users.manage"},
        std::pair{Permission::ReportsView, "reports.view"},
        std::pair{Permission::WorksheetsApprove, "worksheets.approve"},
        std::pair{Permission::SyncAdmin, "sync.admin"},
        std::pair{Permission::SyncStore, "sync.store"},
};
} // namespace

QString permissionName(Permission permission)
{
    for (const auto &[p, name] : kNames) {
        if (p == permission) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

std::optional<Permission> permissionFromName(const QString &name)
{
    for (const auto &[p, n] : kNames) {
        if (name == QLatin1String(n)) {
            return p;
        }
    }
    return std::nullopt;
}

const QList<Permission> &allPermissions()
{
    static const QList<Permission> all = [] {
        QList<Permission> out;
        for (const auto &entry : kNames) {
            out << entry.first;
        }
        return out;
    }();
    return all;
}

QStringList allPermissionNames()
{
    QStringList out;
    for (const auto &entry : kNames) {
        out << QString::fromLatin1(entry.second);
    }
    return out;
}

} // namespace pos
