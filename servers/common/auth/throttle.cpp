// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/auth/throttle.h"

#include <algorithm>

namespace pos {

Throttle::Throttle(Policy policy)
    : m_policy(policy)
{}

int Throttle::waitSeconds(const QString &key, const QDateTime &now) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || !it->lockedUntil.isValid() || it->lockedUntil <= now) {
        return 0;
    }
    return static_cast<int>(std::max<qint64>(1, now.secsTo(it->lockedUntil)));
}

void Throttle::recordFailure(const QString &key, const QDateTime &now)
{
    const QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[key];
    if (e.lastFailure.isValid() && e.lastFailure.secsTo(now) > m_policy.forgetAfterSeconds) {
        e = Entry{};
    }
    ++e.failures;
    e.lastFailure = now;
    const int over = e.failures - m_policy.freeAttempts + 1; // the 5th failure locks
    if (over > 0) {
        const qint64 seconds = std::min<qint64>(m_policy.maxLockSeconds,
                                                qint64(m_policy.firstLockSeconds)
                                                        << std::min(over - 1, 10));
        e.lockedUntil = now.addSecs(seconds);
    }
}

void Throttle::recordSuccess(const QString &key)
{
    const QMutexLocker lock(&m_mutex);
    m_entries.remove(key);
}

} // namespace pos
