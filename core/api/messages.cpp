// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages.h"

namespace pos {

using namespace json;

namespace {

template<typename V>
void fields(V &, Like<Empty> auto &)
{}

template<typename V>
void fields(V &v, Like<Health> auto &m)
{
    v.field("version", m.version, Text{1, 32});
    v.field("role", m.role, Text{1, 16});
    v.field("database", m.database);
}

template<typename V>
void fields(V &v, Like<LoginRequest> auto &m)
{
    v.field("username", m.username, Text{1, 64});
    v.field("password", m.password, Text{1, 256});
}

template<typename V>
void fields(V &v, Like<PinLoginRequest> auto &m)
{
    v.field("pin", m.pin, Text{4, 8});
}

template<typename V>
void fields(V &v, Like<Session> auto &m)
{
    v.field("token", m.token, Text{1, 4096});
    v.field("expires_at", m.expiresAt);
    v.object("user", m.user);
    v.field("permissions", m.permissions, Items{0, 100}, Text{1, 64});
    v.field("store_id", m.storeId, Nullable::Yes);
}

constexpr Text kQueryText{0, 120, Presence::Optional};
constexpr Text kQueryNumber{0, 9, Presence::Optional};

template<typename V>
void fields(V &v, Like<ListQuery> auto &m)
{
    v.field("q", m.q, kQueryText);
    v.field("limit", m.limit, kQueryNumber);
    v.field("offset", m.offset, kQueryNumber);
}

template<typename V>
void fields(V &v, Like<NewUser> auto &m)
{
    v.object("user", m.user);
    v.field("password", m.password, Text{0, 256, Presence::Optional});
    v.field("pin", m.pin, Text{0, 8, Presence::Optional});
}

template<typename V>
void fields(V &v, Like<Id> auto &m)
{
    v.field("id", m.id);
}

template<typename V>
void fields(V &v, Like<NoSaleRequest> auto &m)
{
    v.field("reason", m.reason, Text{1, 200});
}

} // namespace

POS_DEFINE_JSON(Empty)
POS_DEFINE_JSON(Health)
POS_DEFINE_JSON(LoginRequest)
POS_DEFINE_JSON(PinLoginRequest)
POS_DEFINE_JSON(Session)
POS_DEFINE_JSON(ListQuery)
POS_DEFINE_JSON(NewUser)
POS_DEFINE_JSON(Id)
POS_DEFINE_JSON(NoSaleRequest)

} // namespace pos
