// SPDX-License-Identifier: GPL-3.0-or-later
#include "puller.h"

#include "masterversion.h"
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

Status applyOne(const Transaction &tx, const QJsonObject &change)
{
    const QString table = change.value(QStringLiteral("table")).toString();
    const SyncTable *spec = syncTable(table);
    if (!spec) {
        return fail(ErrorCode::Validation, Tr::tr("a change names an unknown table: %1").arg(table));
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

} // namespace

Status applyChanges(Database &db, const QJsonObject &page, const QDateTime &now)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
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
    qCWarning(lcSync).noquote() << "pull failed:" << error.message;
    if (auto conn = m_db.connection()) {
        if (auto noted = exec(*conn,
                              QStringLiteral("UPDATE sync_state SET last_error = ? WHERE id = 1"),
                              {error.message});
            !noted) {
            qCWarning(lcSync).noquote() << "cannot note the failure:" << noted.error().message;
        }
    }
    emit failed(error.message);
}

} // namespace pos
