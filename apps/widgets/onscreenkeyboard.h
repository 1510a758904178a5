// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;

namespace pos {

// A touch keyboard (letters with Ñ, digits, space) that types into one line edit, for
// product and customer search on a till without a keyboard. Keys are "kbKeyA", "kbKeySpace".
class OnScreenKeyboard : public QWidget
{
    Q_OBJECT

public:
    explicit OnScreenKeyboard(QWidget *parent = nullptr);
    void setTarget(QLineEdit *target) { m_target = target; }

private:
    void type(const QString &text);

    QLineEdit *m_target = nullptr;
};

} // namespace pos
