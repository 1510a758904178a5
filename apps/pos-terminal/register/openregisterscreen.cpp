// SPDX-License-Identifier: GPL-3.0-or-later
#include "openregisterscreen.h"

#include "till/till.h"

#include "apps/widgets/numpad.h"
#include "apps/widgets/touch.h"
#include "core/base/recordid.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pos {

OpenRegisterScreen::OpenRegisterScreen(Till &till, QWidget *parent)
    : Screen(parent)
    , m_till(till)
    , m_title(new QLabel(this))
    , m_float(new QLineEdit(this))
    , m_pad(new NumPad(QStringLiteral("float"), NumPadKeys::Decimal, this))
    , m_logout(touchButton(QStringLiteral("openLogout"), this))
{
    setObjectName(QStringLiteral("openRegisterScreen"));
    m_title->setProperty("role", QStringLiteral("title"));
    m_title->setAlignment(Qt::AlignCenter);
    m_float->setObjectName(QStringLiteral("floatEdit"));
    m_float->setAlignment(Qt::AlignRight);
    m_pad->setTarget(m_float);
    m_pad->setFixedWidth(380);
    auto *column = new QVBoxLayout;
    column->addStretch();
    column->addWidget(m_title);
    column->addWidget(m_float);
    column->addWidget(m_pad);
    column->addWidget(m_logout);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->addStretch();
    outer->addLayout(column);
    outer->addStretch();
    connect(m_pad, &NumPad::entered, this, &OpenRegisterScreen::open);
    connect(m_logout, &QPushButton::clicked, this, &OpenRegisterScreen::logout);
    OpenRegisterScreen::retranslate(); // not virtual here: this class is still being built
}

void OpenRegisterScreen::retranslate()
{
    const Register *r = m_till.currentRegister();
    m_title->setText(tr("Open %1: count the float").arg(r ? r->name : QString()));
    m_float->setPlaceholderText(tr("Opening float"));
    m_float->setAccessibleName(tr("Opening float"));
    setLabel(m_logout, tr("Log out"));
}

void OpenRegisterScreen::open()
{
    const auto amount = Money::parse(m_float->text().isEmpty() ? QStringLiteral("0")
                                                               : m_float->text(),
                                     QLocale());
    const Register *r = m_till.currentRegister();
    if (!amount || amount->isNegative() || !r) {
        emit failed(amount ? tr("This till's register is not set up in the store")
                           : amount.error().message);
        return;
    }
    const QJsonObject params{{QStringLiteral("id"), idText(newRecordId())},
                             {QStringLiteral("register_id"), r->id.toString(QUuid::WithoutBraces)},
                             {QStringLiteral("opening_float"), amount->minor()}};
    m_till.backend().execute(QStringLiteral("open_session"), params,
                             [this](Result<QJsonValue> answer) {
                                 auto session = decode<RegisterSession>(answer);
                                 if (!session) {
                                     emit failed(session.error().message);
                                     return;
                                 }
                                 m_float->clear();
                                 m_till.setSession(*session);
                                 emit opened();
                             });
}

} // namespace pos
