// SPDX-License-Identifier: GPL-3.0-or-later
#include "puller.h"

#include "masterversion.h"
#include "outbox.h"
#include "rowjson.h"
#include "synctables.h"

#include "core/db/transaction.h"
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

Status upsertRow(const Transaction &tx, const SyncTable &spec, const QJsonObject &change)
{
    const QJsonObject row = change.value(QStringLiteral("row")).toObject();
    QVariantList values{change.value(QStringLiteral("id")).toString()};
    QStringList updates;
    for (const QString &column : spec.columns) {
        values << rowjson::toSql(row.value(column));
        updates << column + QStringLiteral(" = excluded.") + column;
    }
    values << change.value(QStringLiteral("deleted")).toBool();
    updates << QStringLiteral("deleted = excluded.deleted");
    auto q = tx.exec(QStringLiteral("INSERT INTO %1 (id, %2, deleted) VALUES (?%3, ?) ON CONFLICT "
                                    "(id) DO UPDATE SET %4")
                             .arg(QLatin1String(spec.name), spec.columns.join(QStringLiteral(", ")),
                                  QStringLiteral(", ?").repeated(spec.columns.size()),
                                  updates.join(QStringLiteral(", "))),
                     values);
    return q ? Status{} : fail(q.error());
}

// The lists a row carries (a product's barcodes, a user's roles) replace what was here.
Status replaceChildren(const Transaction &tx, const SyncTable &spec, const QJsonObject &change)
{
    const QString id = change.value(QStringLiteral("id")).toString();
    const QJsonObject row = change.value(QStringLiteral("row")).toObject();
    for (const SyncChild &child : spec.children) {
        auto d = tx.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                                 .arg(QLatin1String(child.table), QLatin1String(child.parent)),
                         {id});
        if (!d) {
            return fail(d.error());
        }
        const QJsonArray values = row.value(QLatin1String(child.key)).toArray();
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (child.unique) { // a local product gives up a barcode HQ's product carries
                auto taken = tx.exec(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND %3 <> ?")
                                             .arg(QLatin1String(child.table), child.values.first(),
                                                  QLatin1String(child.parent)),
                                     {values.at(i).toString(), id});
                if (!taken) {
                    return fail(taken.error());
                }
            }
            QStringList columns{QLatin1String(child.parent)};
            columns << child.values;
            QVariantList bound{id};
            if (child.values.size() == 1) {
                bound << values.at(i).toString();
            }
            for (qsizetype v = 0; child.values.size() > 1 && v < child.values.size(); ++v) {
                bound << rowjson::toSql(values.at(i).toObject().value(child.values.at(v)));
            }
            if (child.position) {
                columns << QLatin1String(child.position);
                bound << static_cast<qint64>(i);
            }
            auto q = tx.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (?%3)")
                                     .arg(QLatin1String(child.table),
                                          columns.join(QStringLiteral(", ")),
                                          QStringLiteral(", ?").repeated(columns.size() - 1)),
                             bound);
            if (!q) {
                return fail(q.error());
            }
        }
    }
    return {};
}

// HQ wins: a row made here with the same code as HQ's gives the code up and is retired.
Status yieldKey(const Transaction &tx, const SyncTable &spec, const QJsonObject &change)
{
    if (!spec.uniqueKey) {
        return {};
    }
    const QString key = QLatin1String(spec.uniqueKey);
    auto q = tx.exec(QStringLiteral("UPDATE %1 SET %2 = substr(%2, 1, 20) || '~' || "
                                    "substr(CAST(id AS TEXT), 1, 8), deleted = TRUE WHERE %2 = ? "
                                    "AND id <> ?")
                             .arg(QLatin1String(spec.name), key),
                     {change.value(QStringLiteral("row")).toObject().value(key).toString(),
                      change.value(QStringLiteral("id")).toString()});
    return q ? Status{} : fail(q.error());
}

Status applyOne(const Transaction &tx, const QJsonObject &change)
{
    const QString table = change.value(QStringLiteral("table")).toString();
    const SyncTable *spec = syncTable(table);
    if (!spec) {
        return fail(ErrorCode::Validation, Tr::tr("a change names an unknown table: %1").arg(table));
    }
    if (auto ok = yieldKey(tx, *spec, change); !ok) {
        return ok;
    }
    if (auto ok = upsertRow(tx, *spec, change); !ok) {
        return ok;
    }
    if (auto ok = replaceChildren(tx, *spec, change); !ok) {
        return ok;
    }
    return stampMasterVersion(tx, table,
                              QUuid::fromString(change.value(QStringLiteral("id")).toString()));
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
    for (const auto &change : page.value(QStringLiteral("changes")).toArray()) {
        if (auto ok = applyOne(*tx, change.toObject()); !ok) {
            return ok;
        }
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
    m_upstream.call(QStringLiteral("get_changes"), {{QStringLiteral("cursor"), *cursor}},
                    [this](Result<QJsonValue> answer) {
                        if (!answer) {
                            stop(answer.error());
                            return;
                        }
                        const QJsonObject page = answer->toObject();
                        if (auto ok = applyChanges(m_db, page, QDateTime::currentDateTimeUtc());
                            !ok) {
                            stop(ok.error());
                            return;
                        }
                        if (page.value(QStringLiteral("more")).toBool()) {
                            fetch();
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
    m_running = false;
    noteSyncFailure(m_db, "last_error", QStringLiteral("pull"), error);
    emit failed(error.message);
}

} // namespace pos
