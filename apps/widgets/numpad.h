// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace pos {

enum class NumPadKeys { Digits, Decimal };

// A 64 px keypad that types into one line edit: digits, "00", the locale's decimal point,
// backspace, clear and Enter. Keys are named "<prefix>Key7", "<prefix>KeyEnter" and so on.
class NumPad : public QWidget
{
    Q_OBJECT

public:
    NumPad(const QString &prefix, NumPadKeys keys, QWidget *parent = nullptr);

    void setTarget(QLineEdit *target) { m_target = target; }
    void retranslate();

signals:
    void entered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void press(const QString &key);

    QLineEdit *m_target = nullptr;
    QPushButton *m_point = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_enter = nullptr;
};

} // namespace pos
