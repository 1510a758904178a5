// SPDX-License-Identifier: GPL-3.0-or-later
#include "hinthub.h"

#include "masterversion.h"

#include "servers/common/auth/authservice.h"

#include "core/api/permission.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QUrlQuery>
#include <QWebSocket>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace pos {

namespace {

const QString kChannel = QStringLiteral("pos_master");

} // namespace

HintHub::HintHub(Database &db, const AuthService &auth, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_auth(auth)
{
    const bool notified = db.engine() == Engine::PostgreSql;
    if (auto conn = db.connection(); conn && notified) {
        QSqlDriver *driver = conn->driver();
        driver->subscribeToNotification(kChannel);
        connect(driver, &QSqlDriver::notification, this, &HintHub::check);
    }
    m_poll.setInterval(notified ? 5000 : 250);
    connect(&m_poll, &QTimer::timeout, this, &HintHub::check);
    m_poll.start();
    check();
}

void HintHub::accept(QWebSocket *socket)
{
    const QString token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"));
    const auto claims = m_auth.authenticate(token, QDateTime::currentDateTimeUtc());
    if (!claims || !claims->permissions.contains(permissionName(Permission::SyncStore))
        || claims->storeId.isNull()) {
        // No hook refuses the upgrade itself: the socket is closed at once instead.
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("sync token"));
        socket->deleteLater();
        return;
    }
    const QUuid store = claims->storeId;
    if (QWebSocket *old = m_sockets.value(store)) {
        old->close(); // the store reconnected: the newer socket wins
    }
    socket->setParent(this);
    m_sockets.insert(store, socket);
    {
        const QMutexLocker lock(&m_sinceLock);
        m_since.insert(store, QDateTime::currentDateTimeUtc());
    }
    connect(socket, &QWebSocket::disconnected, this, [this, store, socket] {
        if (m_sockets.value(store) == socket) {
            m_sockets.remove(store);
            const QMutexLocker lock(&m_sinceLock);
            m_since.remove(store);
        }
        socket->deleteLater();
    });
    qCInfo(lcSync).noquote() << "store connected for hints:"
                             << store.toString(QUuid::WithoutBraces);
}

QHash<QUuid, QDateTime> HintHub::connected() const
{
    const QMutexLocker lock(&m_sinceLock);
    return m_since;
}

void HintHub::check()
{
    auto conn = m_db.connection();
    if (!conn) {
        return;
    }
    const auto current = currentMasterVersion(*conn);
    if (!current) {
        return; // the next check tries again
    }
    const qint64 version = *current;
    if (m_highWater >= 0 && version > m_highWater) {
        broadcast(version);
    }
    m_highWater = std::max(m_highWater, version);
}

void HintHub::broadcast(qint64 highWater)
{
    const QString hint = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("hint"), QStringLiteral("master")},
                                      {QStringLiteral("high_water"), highWater}})
                    .toJson(QJsonDocument::Compact));
    for (const QPointer<QWebSocket> &socket : std::as_const(m_sockets)) {
        if (socket) {
            socket->sendTextMessage(hint);
        }
    }
}

} // namespace pos
