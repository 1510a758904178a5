// SPDX-License-Identifier: GPL-3.0-or-later
#include "till.h"

namespace pos {

Till::Till(Backend &backend, TillDevices &devices, TerminalConfig config, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_devices(devices)
    , m_config(std::move(config))
{}

void Till::setCatalog(std::shared_ptr<TillCatalog> catalog)
{
    m_catalog = std::move(catalog);
    m_cart.setCatalog(m_catalog.get());
    emit catalogChanged();
}

const Register *Till::currentRegister() const
{
    return m_catalog ? m_catalog->registerNumber(m_config.registerNumber) : nullptr;
}

void Till::setCashier(std::optional<Session> session)
{
    m_cashier = std::move(session);
    m_backend.setToken(m_cashier ? m_cashier->token : QString());
    emit cashierChanged();
}

bool Till::cashierMay(Permission permission) const
{
    return m_cashier && m_cashier->permissions.contains(permissionName(permission));
}

void Till::setSession(std::optional<RegisterSession> session)
{
    m_session = std::move(session);
    emit sessionChanged();
}

Sale Till::ticket(const QList<Payment> &payments, Money change, SaleStatus status) const
{
    Sale sale = m_cart.toSale(payments, change);
    sale.status = status;
    sale.storeId = m_catalog ? m_catalog->store().id : QUuid();
    if (const Register *r = currentRegister()) {
        sale.registerId = r->id;
    }
    sale.sessionId = m_session ? m_session->id : QUuid();
    sale.cashierId = m_cashier ? m_cashier->user.id : QUuid();
    sale.language = QLocale().name().left(2);
    return sale;
}

QJsonObject Till::pinParams(const QString &pin) const
{
    return {{QStringLiteral("pin"), pin},
            {QStringLiteral("terminal_id"), m_credential.id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("terminal_secret"), m_credential.secret}};
}

} // namespace pos
