// SPDX-License-Identifier: GPL-3.0-or-later
#include "pullservice.h"

#include "servers/common/auth/users.h"
#include "servers/common/dispatcher.h"
#include "servers/common/listcolumn.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/masterversion.h"
#include "servers/common/sync/rowjson.h"
#include "servers/common/sync/synctables.h"

#include <algorithm>

namespace pos {

namespace {

// Where a pull stands: after (version, table, id) in that order.
struct Cursor
{
    qint64 version = -1;
    qsizetype table = 0;
    QString id;
};

QString cursorText(const QString &epoch, const Cursor &c)
{
    return QStringLiteral("%1:%2:%3:%4").arg(epoch).arg(c.version).arg(c.table).arg(c.id);
}

// A cursor of this epoch, or nothing (empty, malformed or another database's).
std::optional<Cursor> parseCursor(const QString &text, const QString &epoch)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool versionOk = false;
    bool tableOk = false;
    if (parts.size() != 4 || parts.at(0) != epoch) {
        return std::nullopt;
    }
    Cursor c{parts.at(1).toLongLong(&versionOk), parts.at(2).toLongLong(&tableOk), parts.at(3)};
    if (!versionOk || !tableOk || c.table < 0 || c.table >= syncTables().size()) {
        return std::nullopt;
    }
    return c;
}

// A change as the page's JSON text, written straight from its row: building a
// QJsonObject per row, reading each list back from its JSON and writing the page out
// again was most of HQ's work in a store's first pull.
struct Row
{
    qint64 version;
    qsizetype table;
    QString id;
    QByteArray change;
};

Result<QString> epochOf(const QSqlDatabase &conn)
{
    auto made = exec(conn,
                     QStringLiteral("INSERT INTO sync_epoch (id, epoch) VALUES (1, ?) ON CONFLICT "
                                    "(id) DO NOTHING"),
                     {QUuid::createUuid().toString(QUuid::WithoutBraces)});
    if (!made) {
        return fail(made.error());
    }
    auto q = exec(conn, QStringLiteral("SELECT epoch FROM sync_epoch WHERE id = 1"));
    if (!q || !q->next()) {
        return q ? fail(ErrorCode::Internal, QStringLiteral("no epoch")) : fail(q.error());
    }
    return q->value(0).toString();
}

// A list a row carries (a product's barcodes and taxes, a user's roles) as a column of the
// row. (Read for the whole page by its ids instead, PostgreSQL 15 took about 90 ms a
// 5,000-id page at a million products, by a sequential scan or by the IN list's probes.)
QString childList(const SyncChild &child, const QString &owner, const QSqlDatabase &conn)
{
    return sql::listColumn({QLatin1String(child.table), QLatin1String(child.parent), child.values,
                            child.position ? QLatin1String(child.position) : QString()},
                           owner, conn);
}

// One change of a page, from its row of rowsOf's query (id, version, deleted, in scope,
// the columns, the lists): {"table":..,"id":..,"version":..,"deleted":..,"row":{..}}.
QByteArray changeJson(const SyncTable &spec, const rowjson::RowShape &shape, const QSqlQuery &q)
{
    const bool hidden = q.value(3).toInt() == 0;
    QByteArray out;
    out.reserve(512); // a product's change is 350 to 450 bytes
    out += "{\"table\":\"";
    out += spec.name;
    out += "\",\"id\":";
    rowjson::appendJson(out, q.value(0), false);
    out += ",\"version\":";
    out += QByteArray::number(q.value(1).toLongLong());
    out += ",\"deleted\":";
    out += hidden || q.value(2).toBool() ? "true" : "false";
    out += ",\"row\":";
    for (qsizetype c = 0; c < shape.heads.size(); ++c) {
        out += shape.heads.at(c);
        // Only a tombstone (a row out of the store's scope) looks for its blanked columns.
        const auto blank = !hidden ? spec.blanked.end()
                                   : std::ranges::find_if(spec.blanked, [&](const auto &b) {
                                         return spec.columns.at(c) == QLatin1String(b.first);
                                     });
        if (blank != spec.blanked.end()) {
            rowjson::appendJson(out,
                                blank->second ? QVariant(QLatin1String(blank->second)) : QVariant(),
                                false);
        } else {
            rowjson::appendJson(out, q.value(static_cast<int>(c + 4)), shape.booleans.at(c));
        }
    }
    for (qsizetype c = 0; c < spec.children.size(); ++c) {
        // Written as JSON by the database (json_agg), which gives NULL for no items.
        const QVariant list = q.value(static_cast<int>(4 + spec.columns.size() + c));
        out += ",\"";
        out += spec.children.at(c).key;
        out += "\":";
        out += list.isNull() ? QByteArray("[]") : list.toString().toUtf8();
    }
    out += "}}";
    return out;
}

// The rows of one table after the cursor, up to the high water, at most `limit` of them.
Result<QList<Row>> rowsOf(const QSqlDatabase &conn, qsizetype t, const Cursor &after, qint64 high,
                          qsizetype limit, const QUuid &store)
{
    const SyncTable &spec = syncTables().at(t);
    // Within the cursor's version, tables before the cursor's are done, later ones are not.
    // An empty id starts before every row (and PostgreSQL cannot compare a UUID with '').
    const bool withId = t == after.table && !after.id.isEmpty();
    // As a row comparison, the cursor is where the (version, id) index scan starts; as
    // "version > ? OR (version = ? AND id > ?)" it filtered every row before it, and a
    // million-product first pull read its pages in quadratic time.
    const QString after_ = withId            ? QStringLiteral("(version, id) > (?, ?)")
                           : t > after.table ? QStringLiteral("version >= ?")
                                             : QStringLiteral("version > ?");
    QVariantList values{after.version};
    if (withId) {
        values << after.id;
    }
    values << high;
    // A store pulls only the scoped rows that concern it (HQ's own callers see them all);
    // the others are left out, or come as tombstones when the table says so.
    const bool scoped = spec.scope != nullptr && !store.isNull();
    const bool tombstones = scoped && !spec.blanked.isEmpty();
    QVariantList storeValues;
    for (qsizetype i = 0; scoped && i < QLatin1String(spec.scope).count(u'?'); ++i) {
        storeValues << sql::id(store);
    }
    const QString inScope = !scoped ? QStringLiteral("1")
                                    : QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END")
                                              .arg(QLatin1String(spec.scope));
    values = (tombstones ? storeValues : QVariantList()) + values
             + (scoped && !tombstones ? storeValues : QVariantList());
    values << static_cast<qint64>(limit);
    QStringList columns = spec.columns;
    for (const SyncChild &child : spec.children) {
        columns << childList(child, QLatin1String(spec.name), conn);
    }
    auto q = exec(conn,
                  QStringLiteral("SELECT id, version, deleted, %5, %1 FROM %2 WHERE %3 AND version "
                                 "<= ? %4 ORDER BY version, id LIMIT ?")
                          .arg(columns.join(QStringLiteral(", ")), QLatin1String(spec.name), after_,
                               scoped && !tombstones
                                       ? QStringLiteral("AND ") + QLatin1String(spec.scope)
                                       : QString(),
                               tombstones ? inScope : QStringLiteral("1")),
                  values);
    if (!q) {
        return fail(q.error());
    }
    QList<Row> rows;
    const rowjson::RowShape shape = rowjson::shapeOf(spec.columns, spec.booleans);
    while (q->next()) {
        const QString id = q->value(0).toString();
        const qint64 version = q->value(1).toLongLong();
        rows.append(Row{version, t, id, changeJson(spec, shape, *q)});
    }
    return rows;
}

// The page's JSON text around its changes, in one piece.
QByteArray pageJson(const QString &epoch, const QList<Row> &rows, const QString &nextCursor,
                    qint64 high, bool more, bool resnapshot, const QString &pinKey)
{
    qsizetype size = 256;
    for (const Row &r : rows) {
        size += r.change.size() + 1;
    }
    QByteArray out;
    out.reserve(size);
    out += "{\"epoch\":";
    rowjson::appendJson(out, epoch, false);
    out += ",\"changes\":[";
    for (qsizetype i = 0; i < rows.size(); ++i) {
        out += i == 0 ? "" : ",";
        out += rows.at(i).change;
    }
    out += "],\"next_cursor\":";
    rowjson::appendJson(out, nextCursor, false);
    out += ",\"high_water\":" + QByteArray::number(high);
    out += ",\"more\":" + QByteArray(more ? "true" : "false");
    out += ",\"resnapshot\":" + QByteArray(resnapshot ? "true" : "false");
    out += ",\"pin_key\":";
    rowjson::appendJson(out, pinKey, false);
    out += '}';
    return out;
}

// A store pulling: the sync dashboard shows when it last did and how far it has come.
Status noteStorePull(const CallContext &c, const QSqlDatabase &conn, qint64 reached)
{
    if (c.server.role != ServerRole::Hq || !c.user || c.user->storeId.isNull()) {
        return {};
    }
    auto seen = exec(conn,
                     QStringLiteral("UPDATE store_credentials SET last_seen_at = ?, pulled_version "
                                    "= ? WHERE store_id = ?"),
                     {sql::timestampText(c.now), reached, sql::id(c.user->storeId)});
    return seen ? Status{} : fail(seen.error());
}

Result<Reply> getChanges(CallContext &c, const ChangeQuery &query)
{
    bool limitOk = true;
    const qsizetype limit = query.limit.isEmpty() ? 1000 : query.limit.toLongLong(&limitOk);
    if (!limitOk || limit < 1 || limit > 5000) {
        return fail(ErrorCode::Validation, QStringLiteral("limit: must be between 1 and 5000"));
    }
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto epoch = epochOf(*conn);
    auto high = epoch ? currentMasterVersion(*conn) : Result<qint64>(fail(epoch.error()));
    if (!high) {
        return fail(high.error());
    }
    const std::optional<Cursor> cursor = parseCursor(query.cursor, *epoch);
    const bool resnapshot = !query.cursor.isEmpty() && !cursor;
    const Cursor after = cursor.value_or(Cursor{});
    QList<Row> rows;
    for (qsizetype t = 0; t < syncTables().size(); ++t) {
        auto some = rowsOf(*conn, t, after, *high, limit + 1, c.user ? c.user->storeId : QUuid());
        if (!some) {
            return fail(some.error());
        }
        rows << *some;
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.version, a.table, a.id) < std::tie(b.version, b.table, b.id);
    });
    const bool more = rows.size() > limit;
    rows = rows.mid(0, limit);
    // A store checks PINs of users HQ made, so it needs the key their lookups were made with.
    QString pinKeyHex;
    if (c.user && c.user->permissions.contains(permissionName(Permission::SyncStore))) {
        auto key = pinKey(c.db);
        if (!key) {
            return fail(key.error());
        }
        pinKeyHex = QString::fromLatin1(key->toHex());
    }
    const Cursor next = rows.isEmpty()
                                ? after
                                : Cursor{rows.last().version, rows.last().table, rows.last().id};
    if (auto ok = noteStorePull(c, *conn, more ? next.version : *high); !ok) {
        return fail(ok.error());
    }
    return Reply::written(
            pageJson(*epoch, rows, cursorText(*epoch, next), *high, more, resnapshot, pinKeyHex));
}

} // namespace

void registerPullHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_changes"),
                   [](CallContext &c, const QJsonObject &params) -> Result<Reply> {
                       auto query = json::parse<ChangeQuery>(params);
                       return query ? getChanges(c, *query) : fail(query.error());
                   });
}

} // namespace pos
