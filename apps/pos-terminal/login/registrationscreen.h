// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/screen.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace pos {

class Till;

// A new till waits here until a manager approves it: in the back office, or right here
// with their username and password.
class RegistrationScreen : public Screen
{
    Q_OBJECT

public:
    RegistrationScreen(Till &till, QWidget *parent = nullptr);
    void retranslate() override;

signals:
    void approved();

private:
    void approveHere();

    Till &m_till;
    QLabel *m_title;
    QLabel *m_explain;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_approve;
    QPushButton *m_continue;
};

} // namespace pos
