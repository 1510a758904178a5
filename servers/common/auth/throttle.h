// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

namespace pos {

// Counts failed logins per key (a username, a client address) and locks a key out for a
// while after too many, doubling the wait each time. Thread-safe.
class Throttle
{
public:
    struct Policy
    {
        int freeAttempts = 5; // failures allowed before any wait
        int firstLockSeconds = 30;
        int maxLockSeconds = 900;
        int forgetAfterSeconds = 900; // a quiet key starts afresh
    };

    Throttle() = default;
    explicit Throttle(Policy policy);

    // Seconds the key must still wait, 0 when it may try now.
    int waitSeconds(const QString &key, const QDateTime &now) const;
    void recordFailure(const QString &key, const QDateTime &now);
    void recordSuccess(const QString &key);

private:
    struct Entry
    {
        int failures = 0;
        QDateTime lastFailure;
        QDateTime lockedUntil;
    };

    Policy m_policy;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace pos
