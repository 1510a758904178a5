// SPDX-License-Identifier: GPL-3.0-or-later
#include "applychanges.h"

#include "masterversion.h"
#include "pulledpage.h"
#include "synctables.h"

#include "core/db/transaction.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <array>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

// A change of a page, read out of its JSON once. Looking its id and row up again for
// every column and list item was a quarter of the store's time in a first pull.
struct Pulled
{
    QString id;
    simdjson::dom::object row;
    bool deleted = false;
    simdjson::dom::element idText; // the id as the page has it, for copies
};

std::string_view keyOf(const QByteArray &name)
{
    return {name.constData(), static_cast<size_t>(name.size())};
}

// A table's columns after id as the keys of its rows' JSON, compared byte by byte.
QByteArrayList columnKeys(const SyncTable &spec)
{
    QByteArrayList keys;
    for (const QString &column : spec.columns) {
        keys << column.toLatin1();
    }
    return keys;
}

// HQ wins: rows made here with the same code (sku, username) as rows from HQ give their code
// up and are retired.
Status yieldKeys(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows)
{
    if (!spec.uniqueKey) {
        return {};
    }
    const QString key = QLatin1String(spec.uniqueKey);
    QVariantList keys;
    QVariantList ids;
    for (const Pulled &p : rows) {
        keys << PulledPage::text(p.row.at_key(spec.uniqueKey));
        ids << p.id;
    }
    auto q = tx.queue(QStringLiteral("UPDATE %1 SET %2 = substr(%2, 1, 20) || '~' || "
                                     "substr(CAST(id AS TEXT), 1, 8), deleted = TRUE WHERE %2 IN "
                                     "(%3) AND id NOT IN (%4)")
                              .arg(QLatin1String(spec.name), key, sql::marks(keys.size()),
                                   sql::marks(ids.size())),
                      keys + ids);
    return q ? Status{} : fail(q.error());
}

// The columns a pulled row is written with, in the order appendRow() gives its values.
QStringList rowColumns(const SyncTable &spec)
{
    return QStringList{QStringLiteral("id")} + spec.columns
           + QStringList{QStringLiteral("deleted"), QStringLiteral("version")};
}

void appendRow(QVariantList &values, const QByteArrayList &keys, const Pulled &p, qint64 version)
{
    values << p.id;
    for (const QByteArray &key : keys) {
        values << PulledPage::toSql(p.row.at_key(keyOf(key)));
    }
    values << p.deleted << version;
}

// Rows this database holds already, as they came, in one statement, all with this
// database's version of the page.
Status upsertRows(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows,
                  qint64 version)
{
    QVariantList values;
    QStringList updates;
    const QStringList columns = rowColumns(spec);
    for (const QString &column : columns.mid(1)) {
        updates << column + QStringLiteral(" = excluded.") + column;
    }
    const QByteArrayList keys = columnKeys(spec);
    for (const Pulled &p : rows) {
        appendRow(values, keys, p, version);
    }
    auto q = tx.queue(QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (id) DO UPDATE "
                                     "SET %4")
                              .arg(QLatin1String(spec.name), columns.join(QStringLiteral(", ")),
                                   sql::rows(rows.size(), columns.size()),
                                   updates.join(QStringLiteral(", "))),
                      values);
    return q ? Status{} : fail(q.error());
}

// Rows new to this database: added by copy, the cheap way in for a first pull.
Status addRows(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows,
               qint64 version)
{
    const QStringList columns = rowColumns(spec);
    const QByteArrayList keys = columnKeys(spec);
    CopyRows copy(tx.engine(), columns.size());
    for (const Pulled &p : rows) {
        PulledPage::addText(copy, p.idText);
        for (const QByteArray &key : keys) {
            PulledPage::addTo(copy, p.row.at_key(keyOf(key)));
        }
        copy.boolean(p.deleted).integer(version);
    }
    return tx.copy(QLatin1String(spec.name), columns, copy);
}

// Deletes the rows of `table` whose `column` is one of `values`, a thousand at a time.
Status deleteWhereIn(const Transaction &tx, const QString &table, const QString &column,
                     const QVariantList &values)
{
    constexpr qsizetype kChunk = 1000;
    for (qsizetype at = 0; at < values.size(); at += kChunk) {
        const QVariantList chunk = values.mid(at, kChunk);
        auto d = tx.queue(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                  .arg(table, column, sql::marks(chunk.size())),
                          chunk);
        if (!d) {
            return fail(d.error());
        }
    }
    return {};
}

// Which of the page's rows this database holds already.
Result<QSet<QString>> storedIds(const Transaction &tx, const SyncTable &spec,
                                const QList<Pulled> &rows)
{
    QSet<QString> stored;
    constexpr qsizetype kChunk = 1000;
    for (qsizetype at = 0; at < rows.size(); at += kChunk) {
        QVariantList ids;
        for (const Pulled &p : rows.mid(at, kChunk)) {
            ids << p.id;
        }
        auto q = tx.exec(QStringLiteral("SELECT id FROM %1 WHERE id IN (%2)")
                                 .arg(QLatin1String(spec.name), sql::marks(ids.size())),
                         ids, Plan::PerCall);
        if (!q) {
            return fail(q.error());
        }
        while (q->next()) {
            stored.insert(q->value(0).toString());
        }
    }
    return stored;
}

// Whether a unique list value (a barcode) held by a local row is taken from it first.
enum class Owned { Take, AssumeFree };

// A list's key is its row and its first value (a product's tax, a transfer's product):
// checked here, per row, a list that names one twice is refused whether or not the
// table's key is in place (a first pull builds it at its end).
bool namesEachOnce(const SyncChild &child, const simdjson::dom::array &items)
{
    if (items.size() < 2) {
        return true; // most products have one tax and one barcode
    }
    const QByteArray first = child.values.first().toLatin1();
    QStringList keys;
    for (const simdjson::dom::element item : items) {
        keys << (child.values.size() == 1 ? PulledPage::toSql(item)
                                          : PulledPage::toSql(item.at_key(keyOf(first))))
                        .toString();
    }
    keys.sort();
    return std::ranges::adjacent_find(keys) == keys.end();
}

// The lists the rows carry (a product's barcodes, a user's roles) replace what was here:
// the lists of the rows stored before are deleted, and then every list is added by copy.
Status replaceChildren(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows,
                       const QVariantList &knownIds, Owned owned = Owned::Take)
{
    for (const SyncChild &child : spec.children) {
        QStringList columns{QLatin1String(child.parent)};
        columns << child.values;
        if (child.position) {
            columns << QLatin1String(child.position);
        }
        CopyRows values(tx.engine(), columns.size());
        QVariantList taken; // a unique value is taken from whichever local row held it
        QByteArrayList keys;
        for (const QString &v : child.values) {
            keys << v.toLatin1();
        }
        for (const Pulled &p : rows) {
            simdjson::dom::array items;
            if (p.row.at_key(child.key).get_array().get(items) != simdjson::SUCCESS) {
                continue; // a row without the list has none (an empty array cannot be made)
            }
            if (!namesEachOnce(child, items)) {
                return fail(ErrorCode::Validation,
                            Tr::tr("%1 %2 lists the same %3 twice")
                                    .arg(QLatin1String(spec.name), p.id, child.values.first()));
            }
            qint64 position = 0;
            for (const simdjson::dom::element item : items) {
                PulledPage::addText(values, p.idText);
                if (child.values.size() == 1) {
                    PulledPage::addText(values, item);
                    if (child.unique && owned == Owned::Take) {
                        taken << PulledPage::text(item);
                    }
                }
                for (qsizetype v = 0; child.values.size() > 1 && v < keys.size(); ++v) {
                    PulledPage::addTo(values, item.at_key(keyOf(keys.at(v))));
                }
                if (child.position) {
                    values.integer(position++);
                }
            }
        }
        const QString table = QLatin1String(child.table);
        Status ok = deleteWhereIn(tx, table, QLatin1String(child.parent), knownIds);
        if (ok && child.unique && owned == Owned::Take) {
            ok = deleteWhereIn(tx, table, child.values.first(), taken);
        }
        ok = ok ? tx.copy(table, columns, values) : ok;
        if (!ok) {
            return ok;
        }
    }
    return {};
}

// Products pulled without their search words get them here.
Status rewriteWords(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows,
                    const QVariantList &knownIds)
{
    if (QLatin1String(spec.name) != QLatin1String("products")) {
        return {};
    }
    QList<std::pair<QString, QString>> named;
    for (const Pulled &p : rows) {
        named.append({p.id, PulledPage::text(p.row.at_key("name"))});
    }
    const Status deleted = deleteWhereIn(tx, QStringLiteral("product_words"),
                                         QStringLiteral("product_id"), knownIds);
    return deleted ? addProductWords(tx, named) : deleted;
}

struct ForeignKey
{
    QString table;
    QString name;
    QString definition; // "FOREIGN KEY (product_id) REFERENCES products(id) ON DELETE CASCADE"
};

// The tables a page's rows of a synced table are written to: its own, its lists' and,
// for products, their search words.
QVariantList tablesWritten(const SyncTable &spec)
{
    QVariantList tables{QLatin1String(spec.name)};
    for (const SyncChild &child : spec.children) {
        tables << QLatin1String(child.table);
    }
    if (QLatin1String(spec.name) == QLatin1String("products")) {
        tables << QStringLiteral("product_words");
    }
    return tables;
}

// The foreign keys of a synced table and of its lists' tables, on PostgreSQL.
Result<QList<ForeignKey>> foreignKeys(const Transaction &tx, const SyncTable &spec)
{
    QList<ForeignKey> keys;
    if (tx.engine() != Engine::PostgreSql) {
        return keys;
    }
    const QVariantList tables = tablesWritten(spec);
    auto q = tx.exec(QStringLiteral("SELECT CAST(conrelid AS regclass), conname, "
                                    "pg_get_constraintdef(oid) FROM pg_constraint WHERE contype "
                                    "= 'f' AND CAST(CAST(conrelid AS regclass) AS TEXT) IN (%1) "
                                    "ORDER BY 1, 2")
                             .arg(sql::marks(tables.size())),
                     tables);
    if (!q) {
        return fail(q.error());
    }
    while (q->next()) {
        keys.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    }
    return keys;
}

enum class KeyState { Dropped, Unvalidated };

Status setKeys(const Transaction &tx, const QList<ForeignKey> &keys, KeyState state)
{
    for (const ForeignKey &k : keys) {
        const QString sql
                = state == KeyState::Dropped
                          ? QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(k.table, k.name)
                          : QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3 NOT VALID")
                                    .arg(k.table, k.name, k.definition);
        if (auto ok = tx.queue(sql); !ok) {
            return ok;
        }
    }
    return {};
}

// Runs, one by one, the statements `query` reads (one column of SQL text).
Status runStatementsFrom(const Transaction &tx, const QString &query)
{
    auto q = tx.exec(query);
    if (!q) {
        return fail(q.error());
    }
    QStringList statements;
    while (q->next()) {
        statements << q->value(0).toString();
    }
    q->finish();
    for (const QString &sql : statements) {
        if (auto done = tx.exec(sql); !done) {
            return fail(done.error());
        }
    }
    return {};
}

// The keys a first pull left unvalidated, checked in one pass each.
Status validateForeignKeys(const Transaction &tx)
{
    if (tx.engine() != Engine::PostgreSql) {
        return {};
    }
    return runStatementsFrom(tx, QStringLiteral("SELECT 'ALTER TABLE ' || CAST(conrelid AS "
                                                "regclass) || ' VALIDATE CONSTRAINT ' || "
                                                "quote_ident(conname) FROM pg_constraint WHERE "
                                                "contype = 'f' AND NOT convalidated"));
}

// The tables among those a page writes whose keys this code keeps without them: the
// search words (derived here from the names) and the lists that are not unique across
// rows (a product's taxes), whose key is their row's id, checked by the row's own key,
// and a value the list names once (namesEachOnce).
QVariantList keyedByCode(const SyncTable &spec)
{
    QVariantList tables;
    for (const SyncChild &child : spec.children) {
        if (!child.unique) {
            tables << QLatin1String(child.table);
        }
    }
    if (QLatin1String(spec.name) == QLatin1String("products")) {
        tables << QStringLiteral("product_words");
    }
    return tables;
}

// A first pull sets aside the indexes no key stands on (products by name, by department,
// by version; barcodes by product) and the keys kept by code (keyedByCode), and builds
// them on its last page: built over the loaded rows an index is one sort, kept during the
// load it costs a random insert per row (the words' key alone: 25 s of a million
// products' load, 14 s copied bare and built after). The other unique keys stay: they are
// how a page finds a row or a code already here.
Status deferIndexes(const Transaction &tx, const SyncTable &spec)
{
    if (tx.engine() != Engine::PostgreSql) {
        return {};
    }
    const QVariantList tables = tablesWritten(spec);
    const QVariantList keyed = keyedByCode(spec);
    auto q = tx.exec(
            QStringLiteral(
                    "SELECT CAST(i.indexrelid AS regclass), coalesce('ALTER TABLE ' || "
                    "CAST(c.conrelid AS regclass) || ' ADD CONSTRAINT ' || quote_ident(c.conname) "
                    "|| ' ' || pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)), "
                    "coalesce('ALTER TABLE ' || CAST(c.conrelid AS regclass) || ' DROP "
                    "CONSTRAINT ' || quote_ident(c.conname), 'DROP INDEX ' || CAST(i.indexrelid "
                    "AS regclass)) FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = "
                    "i.indexrelid AND c.contype IN ('p', 'u') WHERE CAST(CAST(i.indrelid AS "
                    "regclass) AS TEXT) IN (%1) AND (NOT i.indisunique OR CAST(CAST(i.indrelid "
                    "AS regclass) AS TEXT) IN (%2)) ORDER BY 1")
                    .arg(sql::marks(tables.size()),
                         keyed.isEmpty() ? QStringLiteral("NULL") : sql::marks(keyed.size())),
            tables + keyed);
    if (!q) {
        return fail(q.error());
    }
    QList<std::array<QString, 3>> deferred; // name, how to build it, how to drop it
    while (q->next()) {
        deferred.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    }
    q->finish();
    for (const auto &[name, build, drop] : deferred) {
        auto kept
                = tx.queue(QStringLiteral(
                                   "INSERT INTO deferred_indexes (name, definition) VALUES (?, ?)"),
                           {name, build});
        auto dropped = kept ? tx.queue(drop) : kept;
        if (!dropped) {
            return fail(dropped.error());
        }
    }
    return {};
}

// The indexes a first pull set aside, built now that its rows are in.
Status buildDeferredIndexes(const Transaction &tx)
{
    if (tx.engine() != Engine::PostgreSql) {
        return {};
    }
    const Status built
            = runStatementsFrom(tx,
                                QStringLiteral(
                                        "SELECT definition FROM deferred_indexes ORDER BY name"));
    auto emptied = built ? tx.exec(QStringLiteral("DELETE FROM deferred_indexes"))
                         : Result<QSqlQuery>(fail(built.error()));
    return emptied ? Status{} : fail(emptied.error());
}

// A big page of rows new to this database (a first pull) is written as if nothing were
// here: copied, with its lists and words, inside a savepoint. A row stored already, a
// local row's code or barcode that HQ's row takes, would break a unique key; the page's
// table is then rolled back to the savepoint and written the careful way. When the copy
// goes in, the careful way would have written the same rows, and it spares PostgreSQL a
// probe of the ids, the codes and the barcodes per row (80 ms of a 5,000-product page).
Status addAllFresh(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows,
                   qint64 version, PullKind kind)
{
    if (auto sp = tx.exec(QStringLiteral("SAVEPOINT fresh_rows")); !sp) {
        return fail(sp.error());
    }
    auto keys = kind == PullKind::First ? foreignKeys(tx, spec) : QList<ForeignKey>();
    if (!keys) {
        return fail(keys.error());
    }
    Status ok = kind == PullKind::First ? deferIndexes(tx, spec) : Status{};
    ok = ok ? setKeys(tx, *keys, KeyState::Dropped) : ok;
    ok = ok ? addRows(tx, spec, rows, version) : ok;
    ok = ok ? replaceChildren(tx, spec, rows, {}, Owned::AssumeFree) : ok;
    ok = ok ? rewriteWords(tx, spec, rows, {}) : ok;
    ok = ok ? setKeys(tx, *keys, KeyState::Unvalidated) : ok;
    auto end = tx.exec(ok ? QStringLiteral("RELEASE SAVEPOINT fresh_rows")
                          : QStringLiteral("ROLLBACK TO SAVEPOINT fresh_rows"));
    return !end ? fail(end.error()) : ok;
}

// One table's rows of a page. Rows already here are upserted a few hundred a statement;
// new rows, all of them in a first pull, are added by copy, which costs PostgreSQL a
// fraction of an upsert a row and no parsing.
Status applyTable(const Transaction &tx, const SyncTable &spec, const QList<Pulled> &rows,
                  qint64 version, PullKind kind)
{
    constexpr qsizetype kTryFresh = 500; // a day's changes are smaller: no use trying
    if (rows.size() >= kTryFresh) {
        const Status fresh = addAllFresh(tx, spec, rows, version, kind);
        if (fresh || fresh.error().code != ErrorCode::Conflict) {
            return fresh;
        }
    }
    auto stored = storedIds(tx, spec, rows);
    if (!stored) {
        return fail(stored.error());
    }
    QList<Pulled> known;
    QList<Pulled> fresh;
    QVariantList knownIds;
    for (const Pulled &p : rows) {
        const bool here = stored->contains(p.id);
        (here ? known : fresh) << p;
        if (here) {
            knownIds << p.id;
        }
    }
    constexpr qsizetype kChunk = 200; // within SQLite's 32,766 parameters a statement
    for (qsizetype at = 0; at < rows.size(); at += kChunk) {
        if (auto ok = yieldKeys(tx, spec, rows.mid(at, kChunk)); !ok) {
            return ok;
        }
    }
    for (qsizetype at = 0; at < known.size(); at += kChunk) {
        if (auto ok = upsertRows(tx, spec, known.mid(at, kChunk), version); !ok) {
            return ok;
        }
    }
    Status ok = addRows(tx, spec, fresh, version);
    ok = ok ? replaceChildren(tx, spec, rows, knownIds) : ok;
    return ok ? rewriteWords(tx, spec, rows, knownIds) : ok;
}

// One page, table by table in dependency order. A row that comes twice in a page is
// written as it came last.
Status applyPage(const Transaction &tx, const simdjson::dom::array &changes, PullKind kind)
{
    QHash<QString, QList<Pulled>> byTable;
    QHash<QString, qsizetype> at; // "table/id" → its place in byTable's list
    for (const simdjson::dom::element c : changes) {
        const QString table = PulledPage::text(c.at_key("table"));
        if (!syncTable(table)) {
            return fail(ErrorCode::Validation,
                        Tr::tr("a change names an unknown table: %1").arg(table));
        }
        Pulled p{PulledPage::text(c.at_key("id")), {}, PulledPage::boolean(c.at_key("deleted")), {}};
        if (c.at_key("row").get_object().get(p.row) != simdjson::SUCCESS
            || c.at_key("id").get(p.idText) != simdjson::SUCCESS) {
            return fail(ErrorCode::Validation,
                        Tr::tr("a change of %1 %2 has no id or no row").arg(table, p.id));
        }
        QList<Pulled> &rows = byTable[table];
        const QString key = table + u'/' + p.id;
        if (const auto seen = at.constFind(key); seen != at.cend()) {
            rows[*seen] = std::move(p);
            continue;
        }
        at.insert(key, rows.size());
        rows << std::move(p);
    }
    if (byTable.isEmpty()) {
        return {};
    }
    auto version = takeMasterVersion(tx.db());
    if (!version) {
        return fail(version.error());
    }
    for (const SyncTable &spec : syncTables()) {
        const QList<Pulled> rows = byTable.value(QLatin1String(spec.name));
        if (rows.isEmpty()) {
            continue;
        }
        if (auto ok = applyTable(tx, spec, rows, *version, kind); !ok) {
            return ok;
        }
    }
    return {};
}

// HQ was restored or replaced: everything comes again from the start. Rows stamped from
// here on came in this snapshot; the rest are swept when it ends.
Status beginResnapshot(const Transaction &tx)
{
    auto from = currentMasterVersion(tx.db());
    if (!from) {
        return fail(from.error());
    }
    auto q = tx.exec(QStringLiteral("UPDATE sync_state SET resnapshot_from = ? WHERE id = 1"),
                     {*from});
    return q ? Status{} : fail(q.error());
}

// The snapshot's last page is in: a master row HQ did not send again is gone at HQ, unless
// it was made here and is still on its way up.
Status endResnapshot(const Transaction &tx)
{
    auto q = tx.exec(QStringLiteral("SELECT resnapshot_from FROM sync_state WHERE id = 1"));
    if (!q || !q->next() || q->value(0).isNull()) {
        return q ? Status{} : fail(q.error());
    }
    const qint64 from = q->value(0).toLongLong();
    q->finish();
    for (const SyncTable &spec : syncTables()) {
        auto swept = tx.exec(QStringLiteral("UPDATE %1 SET deleted = TRUE WHERE version <= ? AND "
                                            "deleted = FALSE AND id NOT IN (SELECT record_id FROM "
                                            "outbox)")
                                     .arg(QLatin1String(spec.name)),
                             {from});
        if (!swept) {
            return fail(swept.error());
        }
    }
    auto done = tx.exec(
            QStringLiteral("UPDATE sync_state SET resnapshot_from = NULL WHERE id = 1"));
    return done ? Status{} : fail(done.error());
}

} // namespace

Status applyChanges(Database &db, const PulledPage &page, const QDateTime &now, PullKind kind)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    if (page.resnapshot()) {
        if (auto ok = beginResnapshot(*tx); !ok) {
            return ok;
        }
    }
    if (auto ok = applyPage(*tx, page.changes(), kind); !ok) {
        return ok;
    }
    if (const QString key = page.pinKey(); !key.isEmpty()) {
        auto put = tx->exec(QStringLiteral("INSERT INTO settings (name, value) VALUES ('pin_key', "
                                           "?) ON CONFLICT (name) DO UPDATE SET value = "
                                           "excluded.value"),
                            {key});
        if (!put) {
            return fail(put.error());
        }
    }
    if (!page.more()) {
        Status ok = endResnapshot(*tx);
        ok = ok ? validateForeignKeys(*tx) : ok;
        ok = ok ? buildDeferredIndexes(*tx) : ok;
        if (!ok) {
            return ok;
        }
    }
    auto saved = tx->exec(QStringLiteral("UPDATE sync_state SET pull_cursor = ?, high_water = ?, "
                                         "pulled_at = ?, last_error = '' WHERE id = 1"),
                          {page.nextCursor(), page.highWater(), sql::timestampText(now)});
    if (!saved) {
        return fail(saved.error());
    }
    return tx->commit();
}

Status applyChanges(Database &db, const QJsonObject &page, const QDateTime &now, PullKind kind)
{
    const auto parsed = PulledPage::parse(QJsonDocument(page).toJson(QJsonDocument::Compact));
    return parsed ? applyChanges(db, **parsed, now, kind) : Status(fail(parsed.error()));
}

} // namespace pos
