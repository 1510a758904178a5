// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "json.h"

#include "core/base/tax.h"

// Who works where: users and their roles, stores and their registers.
namespace pos {

struct Role
{
    QUuid id;
    QString name;
    QStringList permissions;    // permission names such as "sales.void"
    qint64 discountLimitBp = 0; // largest discount this role may give without an override
    bool operator==(const Role &) const = default;
};

// A person who logs in. Password and PIN hashes never travel in this model.
struct User
{
    QUuid id;
    QString username;
    QString fullName;
    QList<QUuid> roleIds;
    QList<QUuid> storeIds; // empty: every store
    QString language;      // "en" or "es"
    bool active = true;
    bool operator==(const User &) const = default;
};

inline constexpr json::EnumName<PriceMode> kPriceModeNames[]{
        {PriceMode::TaxInclusive, "tax_inclusive"},
        {PriceMode::TaxExclusive, "tax_exclusive"},
};
inline constexpr json::EnumName<RoundingScope> kRoundingScopeNames[]{
        {RoundingScope::PerLine, "per_line"},
        {RoundingScope::PerDocument, "per_document"},
};
inline constexpr json::EnumName<Rounding> kRoundingNames[]{
        {Rounding::HalfUp, "half_up"},
        {Rounding::HalfEven, "half_even"},
};

struct Store
{
    QUuid id;
    QString code; // "ST01": the first part of every receipt number
    QString name;
    QString address;
    QString timeZone; // IANA name; business dates and report hours follow it
    QString currency; // ISO 4217
    PriceMode priceMode = PriceMode::TaxInclusive;
    RoundingScope taxScope = RoundingScope::PerLine;
    Rounding rounding = Rounding::HalfUp;
    bool active = true;
    bool operator==(const Store &) const = default;
    TaxPolicy taxPolicy() const { return TaxPolicy{priceMode, taxScope, rounding}; }
};

struct Register
{
    QUuid id;
    QUuid storeId;
    qint64 number = 1; // "02" in ST01-02-000123
    QString name;
    bool active = true;
    bool operator==(const Register &) const = default;
};

POS_DECLARE_JSON(Role)
POS_DECLARE_JSON(User)
POS_DECLARE_JSON(Store)
POS_DECLARE_JSON(Register)

} // namespace pos
