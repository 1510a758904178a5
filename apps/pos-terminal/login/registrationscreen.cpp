// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrationscreen.h"

#include "till/till.h"

#include "apps/widgets/onscreenkeyboard.h"
#include "apps/widgets/touch.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pos {

RegistrationScreen::RegistrationScreen(Till &till, QWidget *parent)
    : Screen(parent)
    , m_till(till)
    , m_title(new QLabel(this))
    , m_explain(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_approve(touchButton(QStringLiteral("approveTerminal"), this, QStringLiteral("pay")))
    , m_continue(touchButton(QStringLiteral("approvedElsewhere"), this))
{
    setObjectName(QStringLiteral("registrationScreen"));
    m_title->setProperty("role", QStringLiteral("title"));
    m_explain->setWordWrap(true);
    m_user->setObjectName(QStringLiteral("managerUser"));
    m_password->setObjectName(QStringLiteral("managerPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *keyboard = new OnScreenKeyboard(this);
    keyboard->setTarget(m_user);
    connect(qApp, &QApplication::focusChanged, keyboard, [keyboard, this](QWidget *, QWidget *now) {
        if (now == m_user || now == m_password) {
            keyboard->setTarget(static_cast<QLineEdit *>(now));
        }
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_explain);
    layout->addWidget(m_user);
    layout->addWidget(m_password);
    layout->addWidget(keyboard, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_continue);
    layout->addLayout(buttons);
    connect(m_approve, &QPushButton::clicked, this, &RegistrationScreen::approveHere);
    connect(m_continue, &QPushButton::clicked, this, &RegistrationScreen::approved);
    RegistrationScreen::retranslate(); // not virtual here: this class is still being built
}

void RegistrationScreen::retranslate()
{
    m_title->setText(tr("This till waits for a manager's approval"));
    m_explain->setText(
            tr("Till \"%1\" (%2) asked the store server to register it. A manager approves it in "
               "the back office, or here with their username and password.")
                    .arg(m_till.config().terminalName,
                         m_till.credential().id.toString(QUuid::WithoutBraces)));
    m_user->setPlaceholderText(tr("Manager username"));
    m_password->setPlaceholderText(tr("Password"));
    setLabel(m_approve, tr("Approve this till"));
    setLabel(m_continue, tr("Approved elsewhere: continue"));
}

void RegistrationScreen::approveHere()
{
    Backend &backend = m_till.backend();
    const QJsonObject login{{QStringLiteral("username"), m_user->text()},
                            {QStringLiteral("password"), m_password->text()}};
    m_password->clear();
    backend.execute(QStringLiteral("login"), login, [this, &backend](Result<QJsonValue> session) {
        if (!session) {
            emit failed(session.error().message);
            return;
        }
        backend.setToken(session->toObject().value(QStringLiteral("token")).toString());
        const QJsonObject params{
                {QStringLiteral("id"), m_till.credential().id.toString(QUuid::WithoutBraces)}};
        backend.execute(QStringLiteral("approve_terminal"), params,
                        [this, &backend](Result<QJsonValue> done) {
                            backend.setToken({}); // the manager's session ends here
                            if (!done) {
                                emit failed(done.error().message);
                                return;
                            }
                            emit informed(tr("This till is approved: cashiers can log in."));
                            emit approved();
                        });
    });
}

} // namespace pos
