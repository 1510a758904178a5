// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace pos {

// Remembers recent answers by the client's Idempotency-Key, so a request sent twice runs
// once. QNetworkAccessManager resends any request (POST included) once on its own when a
// connection drops before the answer; with the key, that resend gets the first answer.
// Lives on the server thread: no locking.
class ReplayCache
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        int retryAfter = 0;
    };
    using Waiter = std::function<void(const Answer &)>;

    explicit ReplayCache(int keepSeconds = 600, int maxEntries = 20000);

    // Claims a key. Returns true when the caller should run the request; false when the
    // answer is known (the waiter was called) or being computed (the waiter will be).
    bool claim(const QString &key, const Waiter &waiter, const QDateTime &now);
    // Records the answer of a claimed key and hands it to any waiting duplicates.
    void complete(const QString &key, const Answer &answer);

private:
    struct Entry
    {
        bool done = false;
        Answer answer;
        QList<Waiter> waiters;
        QDateTime storedAt;
    };
    void prune(const QDateTime &now);

    int m_keepSeconds;
    int m_maxEntries;
    QHash<QString, Entry> m_entries;
};

} // namespace pos
