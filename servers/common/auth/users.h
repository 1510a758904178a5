// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servers/common/paging.h"

#include "core/db/transaction.h"

#include <optional>

// Users, roles and their permissions in the database.
namespace pos {

struct Account
{
    User user;
    QString passwordHash;
    QString pinHash;
    QStringList roleNames;
    QStringList permissions;
};

enum class AccountKey { Id, Username, PinLookup };

// NotFound when no (undeleted) user matches.
Result<Account> findAccount(Database &db, AccountKey key, const QString &value);
Result<bool> anyUser(Database &db);

// The installation's PIN lookup key, created on first use.
Result<QByteArray> pinKey(Database &db);

// Creates or replaces a user with its roles and stores; secrets given as ready hashes.
// Empty hashes keep the current ones.
struct Secrets
{
    QString passwordHash;
    QString pinHash;
    QString pinLookup;
};
Status putUser(const Transaction &tx, const User &user, const Secrets &secrets);
Result<Page<User>> listUsers(Database &db, const ListQuery &query);

Status putRole(const Transaction &tx, const Role &role);
Result<Page<Role>> listRoles(Database &db, const ListQuery &query);

} // namespace pos
