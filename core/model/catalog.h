// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "json.h"

#include "core/base/tax.h"

// Master data that HQ owns and every store and till holds a copy of.
namespace pos {

struct Department
{
    QUuid id;
    QString code;
    QString name;
    QUuid parentId; // null for a top-level department
    QString color;  // "#RRGGBB" for the till's buttons, or empty
    bool active = true;
    bool operator==(const Department &) const = default;
};

inline constexpr json::EnumName<TaxKind> kTaxKindNames[]{
        {TaxKind::Standard, "standard"},
        {TaxKind::ZeroRated, "zero_rated"},
        {TaxKind::Exempt, "exempt"},
};

struct Tax
{
    QUuid id;
    QString code;
    QString name;
    TaxRate rate;
    TaxKind kind = TaxKind::Standard;
    bool compound = false;
    bool active = true;
    bool operator==(const Tax &) const = default;
    TaxRule rule() const;
};

struct Product
{
    QUuid id;
    QString sku;
    QStringList barcodes;
    QString name;
    QUuid departmentId;
    QUuid supplierId; // preferred supplier, may be null
    Money price;
    Money cost;
    QList<QUuid> taxIds;
    bool taxIncluded = true; // the price already contains its taxes
    bool weighed = false;    // sold by weight: quantities in thousandths of a kilo
    bool active = true;
    bool operator==(const Product &) const = default;
};

struct Supplier
{
    QUuid id;
    QString code;
    QString name;
    QString contact;
    QString phone;
    QString email;
    bool active = true;
    bool operator==(const Supplier &) const = default;
};

enum class TenderKind { Cash, Card, Other };
inline constexpr json::EnumName<TenderKind> kTenderKindNames[]{
        {TenderKind::Cash, "cash"},
        {TenderKind::Card, "card"},
        {TenderKind::Other, "other"},
};

struct Tender
{
    QUuid id;
    QString code;
    QString name;
    TenderKind kind = TenderKind::Cash;
    bool opensDrawer = true;
    bool givesChange = true;
    bool active = true;
    bool operator==(const Tender &) const = default;
};

struct Customer
{
    QUuid id;
    QString code;
    QString name;
    QString email;
    QString phone;
    QString taxId; // RFC, NIF, EIN...
    bool taxExempt = false;
    bool active = true;
    bool operator==(const Customer &) const = default;
};

struct SalesRep
{
    QUuid id;
    QString code;
    QString name;
    bool active = true;
    bool operator==(const SalesRep &) const = default;
};

POS_DECLARE_JSON(Department)
POS_DECLARE_JSON(Tax)
POS_DECLARE_JSON(Product)
POS_DECLARE_JSON(Supplier)
POS_DECLARE_JSON(Tender)
POS_DECLARE_JSON(Customer)
POS_DECLARE_JSON(SalesRep)

} // namespace pos
