// SPDX-License-Identifier: GPL-3.0-or-later
#include "puller.h"

#include "masterversion.h"
#include "outbox.h"
#include "rowjson.h"
#include "synctables.h"

#include "core/db/transaction.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "pos.sync")

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

QString marks(qsizetype n)
{
    return QStringLiteral("?") + QStringLiteral(", ?").repeated(n - 1);
}

QString idOf(const QJsonObject &change)
{
    return change.value(QStringLiteral("id")).toString();
}

QJsonObject rowOf(const QJsonObject &change)
{
    return change.value(QStringLiteral("row")).toObject();
}

// HQ wins: rows made here with the same code (sku, username) as rows from HQ give their code
// up and are retired.
Status yieldKeys(const Transaction &tx, const SyncTable &spec, const QList<QJsonObject> &rows)
{
    if (!spec.uniqueKey) {
        return {};
    }
    const QString key = QLatin1String(spec.uniqueKey);
    QVariantList keys;
    QVariantList ids;
    for (const QJsonObject &c : rows) {
        keys << rowOf(c).value(key).toString();
        ids << idOf(c);
    }
    auto q = tx.queue(QStringLiteral("UPDATE %1 SET %2 = substr(%2, 1, 20) || '~' || "
                                     "substr(CAST(id AS TEXT), 1, 8), deleted = TRUE WHERE %2 IN "
                                     "(%3) AND id NOT IN (%4)")
                              .arg(QLatin1String(spec.name), key, marks(keys.size()),
                                   marks(ids.size())),
                      keys + ids);
    return q ? Status{} : fail(q.error());
}

// The rows as they came, in one statement, all with this database's version of the page.
Status upsertRows(const Transaction &tx, const SyncTable &spec, const QList<QJsonObject> &rows,
                  qint64 version)
{
    QVariantList values;
    QStringList updates;
    for (const QString &column : spec.columns) {
        updates << column + QStringLiteral(" = excluded.") + column;
    }
    updates << QStringLiteral("deleted = excluded.deleted")
            << QStringLiteral("version = excluded.version");
    for (const QJsonObject &c : rows) {
        values << idOf(c);
        for (const QString &column : spec.columns) {
            values << rowjson::toSql(rowOf(c).value(column));
        }
        values << c.value(QStringLiteral("deleted")).toBool() << version;
    }
    auto q = tx.queue(QStringLiteral("INSERT INTO %1 (id, %2, deleted, version) VALUES %3 ON "
                                     "CONFLICT (id) DO UPDATE SET %4")
                              .arg(QLatin1String(spec.name), spec.columns.join(QStringLiteral(", ")),
                                   sql::rows(rows.size(), spec.columns.size() + 3),
                                   updates.join(QStringLiteral(", "))),
                      values);
    return q ? Status{} : fail(q.error());
}

// The lists the rows carry (a product's barcodes, a user's roles) replace what was here.
Status replaceChildren(const Transaction &tx, const SyncTable &spec, const QList<QJsonObject> &rows)
{
    QVariantList ids;
    for (const QJsonObject &c : rows) {
        ids << idOf(c);
    }
    for (const SyncChild &child : spec.children) {
        QStringList columns{QLatin1String(child.parent)};
        columns << child.values;
        if (child.position) {
            columns << QLatin1String(child.position);
        }
        QVariantList values;
        QVariantList owned; // a unique value is taken from whichever local row held it
        qsizetype count = 0;
        for (const QJsonObject &c : rows) {
            const QJsonArray items = rowOf(c).value(QLatin1String(child.key)).toArray();
            for (qsizetype i = 0; i < items.size(); ++i, ++count) {
                values << idOf(c);
                if (child.values.size() == 1) {
                    values << items.at(i).toString();
                    owned << items.at(i).toString();
                }
                for (qsizetype v = 0; child.values.size() > 1 && v < child.values.size(); ++v) {
                    values << rowjson::toSql(items.at(i).toObject().value(child.values.at(v)));
                }
                if (child.position) {
                    values << static_cast<qint64>(i);
                }
            }
        }
        auto d = tx.queue(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                  .arg(QLatin1String(child.table), QLatin1String(child.parent),
                                       marks(ids.size())),
                          ids);
        if (d && child.unique && !owned.isEmpty()) {
            d = tx.queue(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                 .arg(QLatin1String(child.table), child.values.first(),
                                      marks(owned.size())),
                         owned);
        }
        if (!d) {
            return fail(d.error());
        }
        if (count == 0) {
            continue;
        }
        auto q = tx.queue(QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                  .arg(QLatin1String(child.table),
                                       columns.join(QStringLiteral(", ")),
                                       sql::rows(count, columns.size())),
                          values);
        if (!q) {
            return fail(q.error());
        }
    }
    return {};
}

// Products pulled without their search words get them here.
Status rewriteWords(const Transaction &tx, const SyncTable &spec, const QList<QJsonObject> &rows)
{
    if (QLatin1String(spec.name) != QLatin1String("products")) {
        return {};
    }
    QList<std::pair<QString, QString>> named;
    for (const QJsonObject &c : rows) {
        named.append({idOf(c), rowOf(c).value(QStringLiteral("name")).toString()});
    }
    return rewriteProductWords(tx, named);
}

// One page, table by table in dependency order, a few hundred rows a statement: a page
// costs a handful of statements per table instead of several per row.
Status applyPage(const Transaction &tx, const QJsonArray &changes)
{
    QHash<QString, QList<QJsonObject>> byTable;
    for (const auto &v : changes) {
        const QJsonObject c = v.toObject();
        const QString table = c.value(QStringLiteral("table")).toString();
        if (!syncTable(table)) {
            return fail(ErrorCode::Validation,
                        Tr::tr("a change names an unknown table: %1").arg(table));
        }
        byTable[table] << c;
    }
    if (byTable.isEmpty()) {
        return {};
    }
    auto version = takeMasterVersion(tx.db());
    if (!version) {
        return fail(version.error());
    }
    constexpr qsizetype kChunk = 200; // within SQLite's 32,766 parameters a statement
    for (const SyncTable &spec : syncTables()) {
        const QList<QJsonObject> rows = byTable.value(QLatin1String(spec.name));
        for (qsizetype at = 0; at < rows.size(); at += kChunk) {
            const QList<QJsonObject> chunk = rows.mid(at, kChunk);
            Status ok = yieldKeys(tx, spec, chunk);
            ok = ok ? upsertRows(tx, spec, chunk, *version) : ok;
            ok = ok ? replaceChildren(tx, spec, chunk) : ok;
            ok = ok ? rewriteWords(tx, spec, chunk) : ok;
            if (!ok) {
                return ok;
            }
        }
    }
    return {};
}

Result<QString> storedCursor(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, QStringLiteral("SELECT pull_cursor FROM sync_state WHERE id = 1"));
    if (!q || !q->next()) {
        return q ? fail(ErrorCode::Internal, QStringLiteral("no sync_state row")) : fail(q.error());
    }
    return q->value(0).toString();
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

Status applyChanges(Database &db, const QJsonObject &page, const QDateTime &now)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    if (page.value(QStringLiteral("resnapshot")).toBool()) {
        if (auto ok = beginResnapshot(*tx); !ok) {
            return ok;
        }
    }
    if (auto ok = applyPage(*tx, page.value(QStringLiteral("changes")).toArray()); !ok) {
        return ok;
    }
    if (const QString key = page.value(QStringLiteral("pin_key")).toString(); !key.isEmpty()) {
        auto put = tx->exec(QStringLiteral("INSERT INTO settings (name, value) VALUES ('pin_key', "
                                           "?) ON CONFLICT (name) DO UPDATE SET value = "
                                           "excluded.value"),
                            {key});
        if (!put) {
            return fail(put.error());
        }
    }
    if (!page.value(QStringLiteral("more")).toBool()) {
        if (auto ok = endResnapshot(*tx); !ok) {
            return ok;
        }
    }
    auto saved = tx->exec(QStringLiteral("UPDATE sync_state SET pull_cursor = ?, high_water = ?, "
                                         "pulled_at = ?, last_error = '' WHERE id = 1"),
                          {page.value(QStringLiteral("next_cursor")).toString(),
                           page.value(QStringLiteral("high_water")).toInteger(),
                           sql::timestampText(now)});
    if (!saved) {
        return fail(saved.error());
    }
    return tx->commit();
}

Puller::Puller(Database &db, Upstream &upstream, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_upstream(upstream)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Puller::pullNow);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &Puller::listen);
    connect(&m_upstream, &Upstream::loggedIn, this, &Puller::listen);
    connect(&m_hints, &QWebSocket::textMessageReceived, this, &Puller::pullNow);
    connect(&m_hints, &QWebSocket::connected, this, [this] {
        m_backoffMs = 1000;
        pullNow(); // a hint may have gone by while the socket was down
    });
    connect(&m_hints, &QWebSocket::disconnected, this, &Puller::dropped);
}

void Puller::listen()
{
    if (m_upstream.sessionToken().isEmpty()
        || m_hints.state() != QAbstractSocket::UnconnectedState) {
        return;
    }
    QUrl url = m_upstream.baseUrl();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                         : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    url.setQuery(QStringLiteral("token=") + m_upstream.sessionToken());
    m_hints.open(url);
}

void Puller::dropped()
{
    m_reconnect.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, 30000);
}

void Puller::start()
{
    m_timer.start();
    pullNow();
}

void Puller::pullNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    fetch();
}

void Puller::fetch()
{
    auto cursor = storedCursor(m_db);
    if (!cursor) {
        stop(cursor.error());
        return;
    }
    fetch(*cursor, ++m_pull);
}

// While a page is applied, the next one is already being read and sent by HQ: the two
// sides work at the same time instead of taking turns. An answer to a pull that has
// stopped (its page failed to apply) is dropped; the next pull starts from the stored
// cursor.
void Puller::fetch(const QString &cursor, quint64 pull)
{
    // The largest pages HQ gives: an initial load of a big catalog is an ordinary case.
    m_upstream.call(QStringLiteral("get_changes"),
                    {{QStringLiteral("cursor"), cursor},
                     {QStringLiteral("limit"), QStringLiteral("5000")}},
                    [this, pull](Result<QJsonValue> answer) {
                        if (pull != m_pull) {
                            return;
                        }
                        if (!answer) {
                            stop(answer.error());
                            return;
                        }
                        const QJsonObject page = answer->toObject();
                        const bool more = page.value(QStringLiteral("more")).toBool();
                        if (more) {
                            fetch(page.value(QStringLiteral("next_cursor")).toString(), pull);
                        }
                        if (auto ok = applyChanges(m_db, page, QDateTime::currentDateTimeUtc());
                            !ok) {
                            stop(ok.error());
                            return;
                        }
                        if (more) {
                            return;
                        }
                        m_running = false;
                        emit caughtUp(page.value(QStringLiteral("high_water")).toInteger());
                        if (m_again) {
                            pullNow();
                        }
                    });
}

void Puller::stop(const Error &error)
{
    ++m_pull; // whatever is still on its way belongs to a pull that is over
    m_running = false;
    noteSyncFailure(m_db, "last_error", QStringLiteral("pull"), error);
    emit failed(error.message);
}

} // namespace pos
