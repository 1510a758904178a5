// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/auth/users.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/masterversion.h"

#include "core/api/permission.h"
#include "core/auth/passwords.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

Result<QList<QUuid>> ids(Database &db, const QString &sql, const QUuid &owner)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, sql, {sql::id(owner)});
    if (!q) {
        return fail(q.error());
    }
    QList<QUuid> out;
    while (q->next()) {
        out << QUuid::fromString(q->value(0).toString());
    }
    return out;
}

Result<QStringList> strings(Database &db, const QString &sql, const QUuid &owner)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, sql, {sql::id(owner)});
    if (!q) {
        return fail(q.error());
    }
    QStringList out;
    while (q->next()) {
        out << q->value(0).toString();
    }
    return out;
}

// Fills roles, stores and permissions of an account whose row was just read.
Status complete(Database &db, Account &a)
{
    auto roles = ids(db,
                     QStringLiteral(
                             "SELECT role_id FROM user_roles WHERE user_id = ? ORDER BY role_id"),
                     a.user.id);
    auto stores = ids(db,
                      QStringLiteral("SELECT store_id FROM user_stores WHERE user_id = ? "
                                     "ORDER BY store_id"),
                      a.user.id);
    auto names = strings(db,
                         QStringLiteral("SELECT r.name FROM roles r JOIN user_roles ur ON "
                                        "ur.role_id = r.id WHERE ur.user_id = ? ORDER BY r.name"),
                         a.user.id);
    auto perms = strings(db,
                         QStringLiteral("SELECT DISTINCT rp.permission FROM role_permissions rp "
                                        "JOIN user_roles ur ON ur.role_id = rp.role_id "
                                        "WHERE ur.user_id = ? ORDER BY rp.permission"),
                         a.user.id);
    if (!roles || !stores || !names || !perms) {
        return fail(!roles    ? roles.error()
                    : !stores ? stores.error()
                    : !names  ? names.error()
                              : perms.error());
    }
    a.user.roleIds = *roles;
    a.user.storeIds = *stores;
    a.roleNames = *names;
    a.permissions = *perms;
    return {};
}

const QString kUserColumns = QStringLiteral(
        "SELECT id, username, full_name, language, active, password_hash, pin_hash FROM users ");

User userFrom(const QSqlQuery &q)
{
    User u;
    u.id = QUuid::fromString(q.value(0).toString());
    u.username = q.value(1).toString();
    u.fullName = q.value(2).toString();
    u.language = q.value(3).toString();
    u.active = q.value(4).toBool();
    return u;
}

} // namespace

Result<Account> findAccount(Database &db, AccountKey key, const QString &value)
{
    const QString where = key == AccountKey::Id         ? QStringLiteral("WHERE id = ?")
                          : key == AccountKey::Username ? QStringLiteral("WHERE username = ?")
                                                        : QStringLiteral("WHERE pin_lookup = ?");
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, kUserColumns + where + QStringLiteral(" AND deleted = FALSE"), {value});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such user"));
    }
    Account a{userFrom(*q), q->value(5).toString(), q->value(6).toString(), {}, {}};
    q->finish();
    if (auto ok = complete(db, a); !ok) {
        return fail(ok.error());
    }
    return a;
}

Result<bool> anyUser(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q || !q->next()) {
        return q ? fail(ErrorCode::Internal, QStringLiteral("count failed")) : fail(q.error());
    }
    return q->value(0).toLongLong() > 0;
}

Result<QByteArray> pinKey(Database &db)
{
    // Read on every PIN check; written once, by whichever process needs it first.
    const QString select = QStringLiteral("SELECT value FROM settings WHERE name = 'pin_key'");
    if (auto conn = db.connection(); conn) {
        if (auto q = exec(*conn, select); q && q->next()) {
            return QByteArray::fromHex(q->value(0).toString().toLatin1());
        }
    }
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    const QString fresh = QString::fromLatin1(randomBytes(32).toHex());
    auto put = tx->exec(QStringLiteral("INSERT INTO settings (name, value) VALUES ('pin_key', ?) "
                                       "ON CONFLICT (name) DO NOTHING"),
                        {fresh});
    auto q = put ? tx->exec(select) : put;
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::Internal, QStringLiteral("pin_key missing"));
    }
    QByteArray key = QByteArray::fromHex(q->value(0).toString().toLatin1());
    q->finish();
    if (auto done = tx->commit(); !done) {
        return fail(done.error());
    }
    return key;
}

Status putUser(const Transaction &tx, const User &user, const Secrets &secrets)
{
    const QString uid = sql::id(user.id);
    auto upsert = tx.exec(QStringLiteral(
                                  "INSERT INTO users (id, username, full_name, language, active) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                  "username = excluded.username, full_name = excluded.full_name, "
                                  "language = excluded.language, active = excluded.active"),
                          {uid, user.username, user.fullName, user.language, user.active});
    if (!upsert) {
        return fail(upsert.error().code == ErrorCode::Conflict
                            ? Error{ErrorCode::Conflict, Tr::tr("username: is already taken")}
                            : upsert.error());
    }
    if (!secrets.passwordHash.isEmpty()) {
        if (auto q = tx.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                             {secrets.passwordHash, uid});
            !q) {
            return fail(q.error());
        }
    }
    if (!secrets.pinHash.isEmpty()) {
        auto q = tx.exec(QStringLiteral(
                                 "UPDATE users SET pin_hash = ?, pin_lookup = ? WHERE id = ?"),
                         {secrets.pinHash, secrets.pinLookup, uid});
        if (!q) {
            return fail(q.error().code == ErrorCode::Conflict
                                ? Error{ErrorCode::Conflict,
                                        Tr::tr("pin: is already in use; choose another")}
                                : q.error());
        }
    }
    const QList<std::pair<QString, QList<QUuid>>>
            links{{QStringLiteral("user_roles (user_id, role_id)"), user.roleIds},
                  {QStringLiteral("user_stores (user_id, store_id)"), user.storeIds}};
    for (const auto &[table, targets] : links) {
        const QString name = table.section(QLatin1Char(' '), 0, 0);
        if (auto q = tx.exec(QStringLiteral("DELETE FROM %1 WHERE user_id = ?").arg(name), {uid});
            !q) {
            return fail(q.error());
        }
        for (const QUuid &target : targets) {
            if (auto q = tx.exec(QStringLiteral("INSERT INTO %1 VALUES (?, ?)").arg(table),
                                 {uid, sql::id(target)});
                !q) {
                return fail(q.error());
            }
        }
    }
    return stampMasterVersion(tx, QStringLiteral("users"), user.id);
}

Result<Page<User>> listUsers(Database &db, const ListQuery &query)
{
    auto p = paging(query);
    if (!p) {
        return fail(p.error());
    }
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  kUserColumns
                          + QStringLiteral("WHERE deleted = FALSE AND (username LIKE ? OR ? = '') "
                                           "ORDER BY username LIMIT ? OFFSET ?"),
                  {query.q + QLatin1Char('%'), query.q, p->limit + 1, p->offset});
    if (!q) {
        return fail(q.error());
    }
    QList<Account> accounts;
    while (q->next()) {
        accounts.append(Account{userFrom(*q), {}, {}, {}, {}});
    }
    q->finish(); // before the next statement on this connection
    QList<User> users;
    for (Account &a : accounts) {
        if (auto ok = complete(db, a); !ok) {
            return fail(ok.error());
        }
        users << a.user;
    }
    return pageOf(users, *p);
}

Status putRole(const Transaction &tx, const Role &role)
{
    for (const QString &p : role.permissions) {
        if (!permissionFromName(p)) {
            return fail(ErrorCode::Validation, Tr::tr("permissions: %1 is not a permission").arg(p));
        }
    }
    const QString rid = sql::id(role.id);
    auto upsert
            = tx.exec(QStringLiteral(
                              "INSERT INTO roles (id, name, discount_limit_bp) VALUES (?, ?, ?) "
                              "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                              "discount_limit_bp = excluded.discount_limit_bp"),
                      {rid, role.name, role.discountLimitBp});
    if (!upsert) {
        return fail(upsert.error().code == ErrorCode::Conflict
                            ? Error{ErrorCode::Conflict, Tr::tr("name: is already taken")}
                            : upsert.error());
    }
    if (auto q = tx.exec(QStringLiteral("DELETE FROM role_permissions WHERE role_id = ?"), {rid});
        !q) {
        return fail(q.error());
    }
    for (const QString &p : role.permissions) {
        if (auto q = tx.exec(QStringLiteral("INSERT INTO role_permissions (role_id, permission) "
                                            "VALUES (?, ?)"),
                             {rid, p});
            !q) {
            return fail(q.error());
        }
    }
    return stampMasterVersion(tx, QStringLiteral("roles"), role.id);
}

Result<Page<Role>> listRoles(Database &db, const ListQuery &query)
{
    auto p = paging(query);
    if (!p) {
        return fail(p.error());
    }
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT id, name, discount_limit_bp FROM roles WHERE deleted = FALSE "
                          "AND (name LIKE ? OR ? = '') ORDER BY name LIMIT ? OFFSET ?"),
                  {query.q + QLatin1Char('%'), query.q, p->limit + 1, p->offset});
    if (!q) {
        return fail(q.error());
    }
    QList<Role> roles;
    while (q->next()) {
        roles.append(Role{QUuid::fromString(q->value(0).toString()),
                          q->value(1).toString(),
                          {},
                          q->value(2).toLongLong()});
    }
    q->finish();
    for (Role &r : roles) {
        auto perms = strings(db,
                             QStringLiteral(
                                     "SELECT permission FROM role_permissions WHERE role_id = ? "
                                     "ORDER BY permission"),
                             r.id);
        if (!perms) {
            return fail(perms.error());
        }
        r.permissions = *perms;
    }
    return pageOf(roles, *p);
}

} // namespace pos
