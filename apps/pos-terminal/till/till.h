// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cart.h"
#include "catalog.h"
#include "tilldevices.h"

#include "core/api/backend.h"
#include "core/api/messages.h"
#include "core/api/permission.h"

#include <QObject>

#include <memory>
#include <optional>

namespace pos {

// A UUID as commands take it, without braces.
inline QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// How this till proves itself to the store server: given once at registration, kept in
// the keychain.
struct TerminalCredential
{
    QUuid id;
    QString secret;
};

// What the screens of one till share: where data comes from, the devices, the catalog,
// the ticket on screen, who is logged in and the register session they sell in. It holds
// state and says when it changes; the screens do the work.
class Till : public QObject
{
    Q_OBJECT

public:
    Till(Backend &backend, TillDevices &devices, TerminalConfig config, QObject *parent = nullptr);

    Backend &backend() { return m_backend; }
    TillDevices &devices() { return m_devices; }
    const TerminalConfig &config() const { return m_config; }
    Cart &cart() { return m_cart; }

    const TillCatalog *catalog() const { return m_catalog.get(); }
    void setCatalog(std::shared_ptr<TillCatalog> catalog);
    const Register *currentRegister() const;

    const TerminalCredential &credential() const { return m_credential; }
    void setCredential(TerminalCredential credential) { m_credential = std::move(credential); }

    const std::optional<Session> &cashier() const { return m_cashier; }
    void setCashier(std::optional<Session> session);
    bool cashierMay(Permission permission) const;

    const std::optional<RegisterSession> &session() const { return m_session; }
    // The open session's id, null while the register is closed.
    QUuid sessionId() const { return m_session ? m_session->id : QUuid(); }
    void setSession(std::optional<RegisterSession> session);

    // The last completed sale, for "reprint" and the change shown after it.
    const std::optional<Sale> &lastSale() const { return m_lastSale; }
    void setLastSale(Sale sale) { m_lastSale = std::move(sale); }

    // The ticket on screen as a sale of this store, register, session and cashier, in the
    // language the till shows now (the receipt's language).
    Sale ticket(const QList<Payment> &payments, Money change, SaleStatus status) const;

    // The login_pin parameters for a PIN on this till.
    QJsonObject pinParams(const QString &pin) const;

signals:
    void cashierChanged();
    void sessionChanged();
    void catalogChanged();

private:
    Backend &m_backend;
    TillDevices &m_devices;
    TerminalConfig m_config;
    Cart m_cart;
    std::shared_ptr<TillCatalog> m_catalog;
    TerminalCredential m_credential;
    std::optional<Session> m_cashier;
    std::optional<RegisterSession> m_session;
    std::optional<Sale> m_lastSale;
};

} // namespace pos
