// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace pos {

// Every permission the product knows, defined once. Roles hold them by name.
enum class Permission {
    SalesDiscount,
    SalesPriceOverride,
    SalesVoid,
    SalesRefund,
    DrawerNoSale,
    RegisterOpen,
    RegisterClose,
    InventoryAdjust,
    ProductsEdit,
    UsersManage,
    ReportsView,
    WorksheetsApprove,
    SyncAdmin,
    SyncStore, // what a store's sync credential grants: pull master data, push its records
};

QString permissionName(Permission permission); // "sales.void"
std::optional<Permission> permissionFromName(const QString &name);
const QList<Permission> &allPermissions();
QStringList allPermissionNames();

} // namespace pos
