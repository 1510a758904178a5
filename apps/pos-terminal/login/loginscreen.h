// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/screen.h"

class QLabel;
class QLineEdit;

namespace pos {

class NumPad;
class Till;

// The PIN keypad a cashier logs in with. A ticket on screen when cashiers switch stays in
// the till, untouched, for whoever logs in next.
class LoginScreen : public Screen
{
    Q_OBJECT

public:
    LoginScreen(Till &till, QWidget *parent = nullptr);
    void retranslate() override;
    void reset();

signals:
    void loggedIn();

private:
    void submit();

    Till &m_till;
    QLabel *m_title;
    QLabel *m_parked;
    QLineEdit *m_pin;
    NumPad *m_pad;
};

} // namespace pos
