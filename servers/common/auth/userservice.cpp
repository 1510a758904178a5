// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/auth/userservice.h"

#include "servers/common/auditlog.h"
#include "servers/common/auth/users.h"
#include "servers/common/dispatcher.h"

#include "core/auth/passwords.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

// Hashing is slow on purpose, so it happens before the transaction opens.
Result<Secrets> secretsFor(Database &db, const NewUser &request)
{
    Secrets s;
    if (!request.password.isEmpty()) {
        if (request.password.size() < 8) {
            return fail(ErrorCode::Validation, Tr::tr("password: must be at least 8 characters"));
        }
        auto hash = hashSecret(request.password);
        if (!hash) {
            return fail(hash.error());
        }
        s.passwordHash = *hash;
    }
    if (!request.pin.isEmpty()) {
        static const QRegularExpression digits(QStringLiteral("^\\d{4,8}$"));
        if (!digits.match(request.pin).hasMatch()) {
            return fail(ErrorCode::Validation, Tr::tr("pin: must be 4 to 8 digits"));
        }
        auto hash = hashSecret(request.pin);
        auto key = pinKey(db);
        if (!hash || !key) {
            return fail(!hash ? hash.error() : key.error());
        }
        s.pinHash = *hash;
        s.pinLookup = pinLookup(*key, request.pin);
    }
    return s;
}

Result<User> putUserCommand(CallContext &c, const NewUser &request)
{
    if (c.pathParams.value(QStringLiteral("id")).toString()
        != request.user.id.toString(QUuid::WithoutBraces)) {
        return fail(ErrorCode::BadRequest, Tr::tr("user.id: does not match the address"));
    }
    auto secrets = secretsFor(c.db, request);
    if (!secrets) {
        return fail(secrets.error());
    }
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = putUser(*tx, request.user, *secrets); !ok) {
        return fail(ok.error());
    }
    const AuditEntry audit{QStringLiteral("user.changed"), QString(),
                           QJsonObject{{QStringLiteral("user"), json::write(request.user)},
                                       {QStringLiteral("password_changed"),
                                        !secrets->passwordHash.isEmpty()},
                                       {QStringLiteral("pin_changed"), !secrets->pinHash.isEmpty()}},
                           QUuid()};
    if (auto ok = appendAudit(*tx, c, audit); !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    auto stored = findAccount(c.db, AccountKey::Id, request.user.id.toString(QUuid::WithoutBraces));
    return transform(stored, [](const Account &a) { return a.user; });
}

Result<Role> putRoleCommand(CallContext &c, const Role &role)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = putRole(*tx, role); !ok) {
        return fail(ok.error());
    }
    const AuditEntry audit{QStringLiteral("role.changed"), QString(),
                           QJsonObject{{QStringLiteral("role"), json::write(role)}}, QUuid()};
    if (auto ok = appendAudit(*tx, c, audit); !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    Role stored = role;
    std::sort(stored.permissions.begin(), stored.permissions.end());
    return stored;
}

Result<QJsonValue> getUser(CallContext &c, const QJsonObject &)
{
    auto account = findAccount(c.db, AccountKey::Id,
                               c.pathParams.value(QStringLiteral("id")).toString());
    return transform(account, [](const Account &a) { return QJsonValue(json::write(a.user)); });
}

} // namespace

void registerUserHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_permissions"),
                   typed<Empty, Role>([](CallContext &, const Empty &) -> Result<Role> {
                       return Role{QUuid(), QStringLiteral("all"), allPermissionNames(), 10000};
                   }));
    dispatcher.add(QStringLiteral("get_roles"),
                   typed<ListQuery, Page<Role>>(
                           [](CallContext &c, const ListQuery &q) { return listRoles(c.db, q); }));
    dispatcher.add(QStringLiteral("put_role"), typed<Role, Role>(putRoleCommand));
    dispatcher.add(QStringLiteral("get_users"),
                   typed<ListQuery, Page<User>>(
                           [](CallContext &c, const ListQuery &q) { return listUsers(c.db, q); }));
    dispatcher.add(QStringLiteral("get_user"), getUser);
    dispatcher.add(QStringLiteral("put_user"), typed<NewUser, User>(putUserCommand));
}

} // namespace pos
