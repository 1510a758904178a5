// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/permission.h"
#include "core/auth/jwt.h"
#include "core/db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace pos {

enum class ServerRole { Hq, Store };

// Which server this is: HQ, or a store with its identity from STORE_ID and STORE_CODE.
struct ServerIdentity
{
    ServerRole role = ServerRole::Store;
    QUuid storeId;
    QString storeCode;
    QString version;
};

// The manager whose PIN authorised this one call.
struct Approver
{
    QUuid userId;
    QString username;
};

// Everything a service function may know about the call it serves.
struct CallContext
{
    Database &db;
    const ServerIdentity &server;
    std::optional<Claims> user; // absent for public commands
    std::optional<Approver> approver;
    QString clientAddress;
    QDateTime now;
    QJsonObject pathParams; // "{id}" values of the route, checked as UUIDs
    // Checks a manager override PIN sent with the call against one permission; set by the
    // dispatcher when the call carries a PIN.
    std::function<Result<Approver>(Permission)> approve;

    // The logged-in user's id; null for public commands.
    QUuid callerId() const { return user ? user->userId : QUuid(); }
};

// For checks inside a service (a price override inside a sale): passes when the caller
// holds the permission, or when the call's manager PIN authorises it (recorded in
// context.approver); otherwise Forbidden.
Status requirePermission(CallContext &context, Permission permission);

// How the caller proved who they are: a bearer token and, for one action, a manager PIN.
struct Credentials
{
    QString bearerToken;
    QString overridePin;
    QString clientAddress;
};

} // namespace pos
