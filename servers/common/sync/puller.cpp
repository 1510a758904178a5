// SPDX-License-Identifier: GPL-3.0-or-later
#include "puller.h"

#include "applychanges.h"
#include "outbox.h"
#include "pulledpage.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "pos.sync")

namespace pos {

namespace {

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

Puller::Puller(Database &db, Upstream &upstream, int intervalMs, int pageRows, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_upstream(upstream)
    , m_pageRows(pageRows)
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
    m_applier.setMaxThreadCount(1);
}

Puller::~Puller()
{
    ++m_pull; // pages still queued are left for the next start, from the stored cursor
    m_applier.waitForDone();
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
    // A page of a stopped pull still being written would move the stored cursor on after
    // the next pull had read it.
    if (m_running || m_pending > 0) {
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
    m_kind = cursor->isEmpty() ? PullKind::First : PullKind::Later;
    fetch(*cursor, ++m_pull);
}

// While page N is written, page N+1 is read and encoded at HQ and parsed here, then
// waits; page N+2 is asked for once page N is in, so at most two pages are held. An
// answer to a pull that has stopped (a page failed to apply) is dropped; the next pull
// starts from the stored cursor.
void Puller::fetch(const QString &cursor, quint64 pull)
{
    m_fetching = true;
    // By default the largest pages HQ gives: an initial load of a big catalog is an
    // ordinary case.
    m_upstream.callRaw(QStringLiteral("get_changes"),
                       {{QStringLiteral("cursor"), cursor},
                        {QStringLiteral("limit"), QString::number(m_pageRows)}},
                       [this, pull](Result<QByteArray> answer) {
                           if (pull != m_pull) {
                               return;
                           }
                           m_fetching = false;
                           auto page = answer ? PulledPage::parse(*answer)
                                              : Result<Page>(fail(answer.error()));
                           if (!page) {
                               stop(page.error());
                               return;
                           }
                           if ((*page)->more()) {
                               m_next = (*page)->nextCursor();
                           }
                           apply(*page, pull);
                           fetchAhead();
                       });
}

void Puller::fetchAhead()
{
    if (m_fetching || !m_next.has_value() || m_pending > 1) {
        return;
    }
    const QString cursor = m_next.value();
    m_next.reset();
    fetch(cursor, m_pull);
}

void Puller::apply(const Page &page, quint64 pull)
{
    ++m_pending;
    m_applier.start([this, page, pull, kind = m_kind] {
        // A page of a pull that stopped is not written: its cursor may not follow on.
        const Status ok = pull == m_pull
                                  ? applyChanges(m_db, *page, QDateTime::currentDateTimeUtc(), kind)
                                  : Status{};
        QMetaObject::invokeMethod(
                this, [this, ok, page, pull] { applied(ok, page, pull); }, Qt::QueuedConnection);
    });
}

void Puller::applied(const Status &ok, const Page &page, quint64 pull)
{
    --m_pending;
    if (pull != m_pull) {
        if (!m_running && m_pending == 0 && m_again) {
            pullNow();
        }
        return;
    }
    if (!ok) {
        stop(ok.error());
        return;
    }
    if (page->more()) {
        fetchAhead();
        return;
    }
    m_running = false;
    emit caughtUp(page->highWater());
    if (m_again) {
        pullNow();
    }
}

void Puller::stop(const Error &error)
{
    ++m_pull; // whatever is still on its way belongs to a pull that is over
    m_running = false;
    m_fetching = false;
    m_next.reset();
    noteSyncFailure(m_db, "last_error", QStringLiteral("pull"), error);
    emit failed(error.message);
}

} // namespace pos
