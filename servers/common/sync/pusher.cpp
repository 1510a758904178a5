// SPDX-License-Identifier: GPL-3.0-or-later
#include "pusher.h"

#include "pushrecords.h"

#include <QJsonDocument>

namespace pos {

namespace {
// HQ takes at most 1000 records and 16 MiB a request; half that leaves room for the
// envelope and for sales much larger than the usual (a long ticket is tens of KiB).
constexpr qsizetype kBatch = 1000;
constexpr qsizetype kBatchBytes = 8 << 20;
} // namespace

Pusher::Pusher(Database &db, Upstream &upstream, int idleMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_upstream(upstream)
    , m_idleMs(idleMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Pusher::pushNow);
}

void Pusher::start()
{
    pushNow();
}

void Pusher::pushNow()
{
    if (m_running) {
        return;
    }
    auto entries = outbox::pending(m_db, kBatch);
    if (!entries) {
        stop(entries.error());
        return;
    }
    if (entries->isEmpty()) {
        m_timer.start(m_idleMs);
        emit drained();
        return;
    }
    m_running = true;
    send(*entries);
}

void Pusher::send(const QList<outbox::Entry> &entries)
{
    auto conn = m_db.connection();
    auto count = outbox::pendingCount(m_db);
    if (!conn || !count) {
        stop(!conn ? conn.error() : count.error());
        return;
    }
    // Each kind read in a statement per table, then sent in the outbox's order.
    QHash<QString, QList<QUuid>> byKind;
    for (const outbox::Entry &e : entries) {
        byKind[e.kind] << e.id;
    }
    QHash<QString, QHash<QUuid, QJsonObject>> read;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        const PushKind *kind = pushKind(it.key());
        auto records = kind ? readRecords(*conn, *kind, it.value())
                            : Result<QHash<QUuid, QJsonObject>>(QHash<QUuid, QJsonObject>());
        if (!records) {
            stop(records.error());
            return;
        }
        read.insert(it.key(), *records);
    }
    PushBatch batch{{}, *count};
    qsizetype bytes = 0;
    for (const outbox::Entry &e : entries) {
        const auto data = read.value(e.kind).constFind(e.id);
        if (data == read.value(e.kind).cend()) {
            // Cannot happen short of a damaged database; kept visible, never dropped.
            if (auto ok = outbox::reject(m_db, e, QStringLiteral("the record is gone")); !ok) {
                stop(ok.error());
                return;
            }
            continue;
        }
        bytes += QJsonDocument(*data).toJson(QJsonDocument::Compact).size();
        if (bytes > kBatchBytes && !batch.records.isEmpty()) {
            break; // the rest go in the next batch
        }
        batch.records.append(PushRecord{e.kind, e.id, e.revision, *data});
    }
    if (batch.records.isEmpty()) {
        m_running = false;
        pushNow();
        return;
    }
    m_upstream.call(QStringLiteral("push_records"), json::write(batch),
                    [this](Result<QJsonValue> answer) {
                        auto parsed = decode<PushAnswer>(answer);
                        if (!parsed) {
                            stop(parsed.error());
                            return;
                        }
                        settled(parsed->results);
                    });
}

void Pusher::settled(const QList<PushResult> &results)
{
    if (auto ok = outbox::settle(m_db, results, QDateTime::currentDateTimeUtc()); !ok) {
        stop(ok.error());
        return;
    }
    m_running = false;
    const bool progress = std::any_of(results.cbegin(), results.cend(), [](const PushResult &r) {
        return r.status != QLatin1String("retry");
    });
    if (!progress) {
        stop(Error{ErrorCode::Unavailable, results.value(0).reason});
        return;
    }
    m_backoffMs = 1000;
    pushNow();
}

void Pusher::stop(const Error &error)
{
    m_running = false;
    noteSyncFailure(m_db, "push_error", QStringLiteral("push"), error);
    m_timer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, 30000);
    emit failed(error.message);
}

} // namespace pos
