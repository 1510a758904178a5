// SPDX-License-Identifier: GPL-3.0-or-later
#include "pusher.h"

#include "pushrecords.h"

#include <QJsonDocument>

namespace pos {

namespace {
// HQ takes at most 16 MiB a request; half that leaves room for the envelope and for
// sales much larger than the usual (a long ticket is tens of KiB).
constexpr qsizetype kBatchBytes = 8 << 20;

using Key = std::pair<QString, QUuid>;

// The oldest pending entries not already at HQ.
Result<QList<outbox::Entry>> nextEntries(Database &db, qsizetype limit, const QSet<Key> &skip)
{
    auto entries = outbox::pending(db, limit + skip.size());
    if (!entries) {
        return fail(entries.error());
    }
    QList<outbox::Entry> out;
    for (const outbox::Entry &e : *entries) {
        if (!skip.contains({e.kind, e.id}) && out.size() < limit) {
            out.append(e);
        }
    }
    return out;
}

// The entries' records, encoded, read a statement per table for each kind.
Result<QHash<Key, QByteArray>> readAll(Database &db, const QList<outbox::Entry> &entries)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    QHash<QString, QList<QUuid>> byKind;
    for (const outbox::Entry &e : entries) {
        byKind[e.kind] << e.id;
    }
    QHash<Key, QByteArray> read;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        const PushKind *kind = pushKind(it.key());
        auto records = kind ? readRecords(*conn, *kind, it.value())
                            : Result<QHash<QUuid, QByteArray>>(QHash<QUuid, QByteArray>());
        if (!records) {
            return fail(records.error());
        }
        for (auto r = records->cbegin(); r != records->cend(); ++r) {
            read.insert({it.key(), r.key()}, r.value());
        }
    }
    return read;
}

// The next batch of up to `limit` records, encoded one by one in the outbox's order up
// to kBatchBytes.
Result<OutgoingBatch> readBatch(Database &db, qsizetype limit, const QSet<Key> &skip)
{
    auto entries = nextEntries(db, limit, skip);
    // HQ shows what the outbox holds with this batch, less what it settles of it: records
    // of the batch still at HQ while this one was read are not counted again.
    QHash<QString, QList<QUuid>> sent;
    for (const Key &k : skip) {
        sent[k.first] << k.second;
    }
    auto count = entries ? outbox::pendingCount(db, sent) : Result<qint64>(0);
    auto read = entries && count ? readAll(db, *entries) : Result<QHash<Key, QByteArray>>();
    if (!entries || !count || !read) {
        return fail(!entries ? entries.error() : !count ? count.error() : read.error());
    }
    OutgoingBatch batch;
    QByteArrayList encoded;
    qsizetype bytes = 0;
    for (const outbox::Entry &e : *entries) {
        const auto data = read->constFind({e.kind, e.id});
        if (data == read->cend()) {
            // Cannot happen short of a damaged database; kept visible, never dropped.
            if (auto ok = outbox::reject(db, e, QStringLiteral("the record is gone")); !ok) {
                return fail(ok.error());
            }
            continue;
        }
        // As json::write(PushRecord) would write it (kinds are the outbox's own words).
        QByteArray one = "{\"kind\":\"" + e.kind.toLatin1() + "\",\"id\":\""
                         + e.id.toByteArray(QUuid::WithoutBraces) + "\",\"revision\":"
                         + QByteArray::number(e.revision) + ",\"data\":" + *data + '}';
        bytes += one.size() + 1;
        if (bytes > kBatchBytes && !encoded.isEmpty()) {
            break; // the rest go in the next batch
        }
        encoded << std::move(one);
        batch.records.insert({e.kind, e.id});
    }
    if (!encoded.isEmpty()) {
        batch.body = "{\"pending\":" + QByteArray::number(*count) + ",\"records\":["
                     + encoded.join(',') + "]}";
    }
    return batch;
}

} // namespace

Pusher::Pusher(Database &db, Upstream &upstream, int idleMs, int batchRecords, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_upstream(upstream)
    , m_idleMs(idleMs)
    , m_batchRecords(batchRecords)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Pusher::pushNow);
    m_reader.setMaxThreadCount(1);
}

Pusher::~Pusher()
{
    ++m_generation;
    m_reader.waitForDone();
}

void Pusher::start()
{
    pushNow();
}

void Pusher::pushNow()
{
    if (m_sending) {
        return; // the answer's handler goes on
    }
    if (m_ready) {
        sendReady();
        return;
    }
    m_wanted = true;
    if (!m_reading) {
        read();
    }
}

void Pusher::read()
{
    m_reading = true;
    m_reader.start([this, skip = m_inFlight, generation = m_generation] {
        auto batch = readBatch(m_db, m_batchRecords, skip);
        QMetaObject::invokeMethod(
                this, [this, batch = std::move(batch), generation] { wasRead(batch, generation); },
                Qt::QueuedConnection);
    });
}

void Pusher::wasRead(Result<OutgoingBatch> batch, quint64 generation)
{
    m_reading = false;
    if (generation != m_generation) {
        if (m_wanted) {
            read();
        }
        return;
    }
    m_ready = std::move(batch);
    if (m_wanted && !m_sending) {
        sendReady();
    }
}

void Pusher::sendReady()
{
    if (!m_ready) {
        return; // called only with a batch ready
    }
    m_wanted = false;
    const Result<OutgoingBatch> batch = std::move(*m_ready);
    m_ready.reset();
    if (!batch) {
        stop(batch.error());
        return;
    }
    if (batch->body.isEmpty()) {
        m_timer.start(m_idleMs);
        emit drained();
        return;
    }
    m_sending = true;
    m_inFlight = batch->records;
    m_upstream.callEncoded(QStringLiteral("push_records"), batch->body,
                           [this](Result<QJsonValue> answer) {
                               auto parsed = decode<PushAnswer>(answer);
                               if (!parsed) {
                                   stop(parsed.error());
                                   return;
                               }
                               settled(parsed->results);
                           });
    read(); // the next batch, while HQ takes this one
}

void Pusher::settled(const QList<PushResult> &results)
{
    m_sending = false;
    m_inFlight.clear();
    if (auto ok = outbox::settle(m_db, results, QDateTime::currentDateTimeUtc()); !ok) {
        stop(ok.error());
        return;
    }
    const auto has = [&results](const char *status) {
        return std::any_of(results.cbegin(), results.cend(), [status](const PushResult &r) {
            return r.status == QLatin1String(status);
        });
    };
    if (!has("ok") && !has("duplicate") && !has("rejected")) {
        stop(Error{ErrorCode::Unavailable, results.value(0).reason});
        return;
    }
    // Read ahead, a batch may hold records after one that must wait; an empty one may have
    // missed records written since. Either is read again.
    if (has("retry") || (m_ready && *m_ready && m_ready->value().body.isEmpty())) {
        ++m_generation;
        m_ready.reset();
    }
    m_backoffMs = 1000;
    pushNow();
}

void Pusher::stop(const Error &error)
{
    m_sending = false;
    m_wanted = false;
    m_inFlight.clear();
    ++m_generation;
    m_ready.reset();
    noteSyncFailure(m_db, "push_error", QStringLiteral("push"), error);
    m_timer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, 30000);
    emit failed(error.message);
}

} // namespace pos
