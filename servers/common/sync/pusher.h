// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "outbox.h"
#include "upstream.h"

#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <optional>

namespace pos {

// A batch of the outbox read and encoded, ready to go to HQ.
struct OutgoingBatch
{
    QSet<std::pair<QString, QUuid>> records; // (kind, id) of each record in it
    QByteArray body;                         // the push_records request
};

// Empties the store's outbox into HQ: a batch of the oldest records at a time, each read as
// it stands now, and each settled by HQ's word on it. While records wait it sends batch
// after batch; when the outbox is empty it looks again every `idleMs`; when HQ cannot be
// reached it backs off (1 s doubling to 30 s). Nothing leaves the outbox unacknowledged.
//
// Batches are read and encoded on a thread of their own, and the next one while HQ takes
// the one before, so the two sides work at once. It goes only once that one is answered:
// HQ sees the records in the outbox's order. A batch read ahead of an answer that asks for
// a retry is dropped, because its records may refer to the ones that must wait.
class Pusher : public QObject
{
    Q_OBJECT

public:
    // Batches of up to `batchRecords` (HQ takes 1000 at most).
    Pusher(Database &db, Upstream &upstream, int idleMs, int batchRecords = 1000,
           QObject *parent = nullptr);
    ~Pusher() override;

    void start();
    void pushNow();

signals:
    void drained();
    void failed(const QString &message);

private:
    void read();
    void wasRead(Result<OutgoingBatch> batch, quint64 generation);
    void sendReady();
    void settled(const QList<PushResult> &results);
    void stop(const Error &error);

    Database &m_db;
    Upstream &m_upstream;
    QTimer m_timer;
    int m_idleMs;
    qsizetype m_batchRecords;
    int m_backoffMs = 1000;
    bool m_sending = false; // a batch is at HQ
    bool m_reading = false; // a batch is being read
    bool m_wanted = false;  // send the batch being read as soon as it is ready
    QSet<std::pair<QString, QUuid>> m_inFlight;
    std::optional<Result<OutgoingBatch>> m_ready;
    quint64 m_generation = 0; // a read from an earlier one is out of date
    QThreadPool m_reader;     // one thread
};

} // namespace pos
