// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginscreen.h"

#include "till/till.h"

#include "apps/widgets/numpad.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pos {

LoginScreen::LoginScreen(Till &till, QWidget *parent)
    : Screen(parent)
    , m_till(till)
    , m_title(new QLabel(this))
    , m_parked(new QLabel(this))
    , m_pin(new QLineEdit(this))
    , m_pad(new NumPad(QStringLiteral("pin"), NumPadKeys::Digits, this))
{
    setObjectName(QStringLiteral("loginScreen"));
    m_title->setProperty("role", QStringLiteral("title"));
    m_title->setAlignment(Qt::AlignCenter);
    m_parked->setAlignment(Qt::AlignCenter);
    m_pin->setObjectName(QStringLiteral("pinEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAlignment(Qt::AlignCenter);
    m_pin->setMaxLength(8);
    m_pad->setTarget(m_pin);
    m_pad->setFixedWidth(380);
    auto *column = new QVBoxLayout;
    column->addStretch();
    column->addWidget(m_title);
    column->addWidget(m_parked);
    column->addWidget(m_pin);
    column->addWidget(m_pad);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->addStretch();
    outer->addLayout(column);
    outer->addStretch();
    connect(m_pad, &NumPad::entered, this, &LoginScreen::submit);
    connect(m_pin, &QLineEdit::returnPressed, this, &LoginScreen::submit);
    LoginScreen::retranslate(); // not virtual here: this class is still being built
}

void LoginScreen::retranslate()
{
    m_title->setText(tr("Enter your PIN"));
    m_pin->setAccessibleName(tr("PIN"));
    m_parked->setText(m_till.cart().isEmpty()
                              ? QString()
                              : tr("A ticket is waiting on this till; it stays as it is."));
}

void LoginScreen::reset()
{
    m_pin->clear();
    m_pin->setFocus();
    retranslate();
}

void LoginScreen::submit()
{
    const QString pin = m_pin->text();
    m_pin->clear();
    if (pin.isEmpty()) {
        return;
    }
    m_till.backend().execute(QStringLiteral("login_pin"), m_till.pinParams(pin),
                             [this](Result<QJsonValue> answer) {
                                 auto session = decode<Session>(answer);
                                 if (!session) {
                                     emit failed(session.error().message);
                                     return;
                                 }
                                 m_till.setCashier(*session);
                                 emit loggedIn();
                             });
}

} // namespace pos
