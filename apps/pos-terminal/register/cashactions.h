// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace pos {

class Till;

enum class CashMove { PaidIn, PaidOut };

// What the cashier does with the drawer rather than a ticket: no-sale, paid-in and
// paid-out (each opens the drawer once the server recorded it, with a manager's PIN when
// the cashier may not) and the X report of the session so far.
class CashActions : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `parent`, the screen the actions belong to.
    CashActions(Till &till, QWidget *parent);

    void noSale();
    void move(CashMove move);
    void showXReport();

signals:
    void failed(const QString &message);
    void informed(const QString &message);

private:
    Till &m_till;
    QWidget *m_parent;
};

} // namespace pos
