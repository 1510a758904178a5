// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/screen.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace pos {

class NumPad;
class Till;

// Opening the register: the cashier counts the float into the drawer and types it.
class OpenRegisterScreen : public Screen
{
    Q_OBJECT

public:
    OpenRegisterScreen(Till &till, QWidget *parent = nullptr);
    void retranslate() override;

signals:
    void opened();
    void logout();

private:
    void open();

    Till &m_till;
    QLabel *m_title;
    QLineEdit *m_float;
    NumPad *m_pad;
    QPushButton *m_logout;
};

} // namespace pos
