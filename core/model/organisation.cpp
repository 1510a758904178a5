// SPDX-License-Identifier: GPL-3.0-or-later
#include "organisation.h"

#include "schema.h"

namespace pos {

using namespace json;

namespace {

template<typename V>
void fields(V &v, Like<Role> auto &m)
{
    v.field("id", m.id);
    v.field("name", m.name, Text{1, 64});
    v.field("permissions", m.permissions, Items{0, 100}, Text{1, 64});
    v.field("discount_limit_bp", m.discountLimitBp, Count{0, 10000});
}

template<typename V>
void fields(V &v, Like<User> auto &m)
{
    v.field("id", m.id);
    v.field("username", m.username, Text{1, 64});
    v.field("full_name", m.fullName, Text{1, 120});
    v.field("role_ids", m.roleIds, Items{0, 20});
    v.field("store_ids", m.storeIds, Items{0, 1000});
    v.field("language", m.language, Text{2, 5});
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Store> auto &m)
{
    v.field("id", m.id);
    v.field("code", m.code, Text{1, 8});
    v.field("name", m.name, Text{1, 120});
    v.field("address", m.address, Text{0, 200});
    v.field("time_zone", m.timeZone, Text{1, 64});
    v.field("currency", m.currency, Text{3, 3});
    v.field("price_mode", m.priceMode, kPriceModeNames);
    v.field("tax_scope", m.taxScope, kRoundingScopeNames);
    v.field("rounding", m.rounding, kRoundingNames);
    v.field("active", m.active);
}

template<typename V>
void fields(V &v, Like<Register> auto &m)
{
    v.field("id", m.id);
    v.field("store_id", m.storeId);
    v.field("number", m.number, Count{1, 99});
    v.field("name", m.name, Text{1, 64});
    v.field("active", m.active);
}

} // namespace

POS_DEFINE_JSON(Role)
POS_DEFINE_JSON(User)
POS_DEFINE_JSON(Store)
POS_DEFINE_JSON(Register)

} // namespace pos
