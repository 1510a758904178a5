// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/http/replaycache.h"

namespace pos {

ReplayCache::ReplayCache(int keepSeconds, int maxEntries)
    : m_keepSeconds(keepSeconds)
    , m_maxEntries(maxEntries)
{}

bool ReplayCache::claim(const QString &key, const Waiter &waiter, const QDateTime &now)
{
    prune(now);
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        m_entries.insert(key, Entry{false, {}, {}, now});
        return true;
    }
    if (it->done) {
        waiter(it->answer);
    } else {
        it->waiters.append(waiter);
    }
    return false;
}

void ReplayCache::complete(const QString &key, const Answer &answer)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        return;
    }
    it->done = true;
    it->answer = answer;
    const QList<Waiter> waiters = std::exchange(it->waiters, {});
    for (const Waiter &w : waiters) {
        w(answer);
    }
}

void ReplayCache::prune(const QDateTime &now)
{
    // Expired answers go first; past the cap, the oldest finished ones go too.
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const bool expired = it->done && it->storedAt.secsTo(now) > m_keepSeconds;
        it = expired ? m_entries.erase(it) : std::next(it);
    }
    while (m_entries.size() > m_maxEntries) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->done && (oldest == m_entries.end() || it->storedAt < oldest->storedAt)) {
                oldest = it;
            }
        }
        if (oldest == m_entries.end()) {
            return;
        }
        m_entries.erase(oldest);
    }
}

} // namespace pos
