// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/screen.h"

#include "core/model/catalog.h"
#include "core/model/sales.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QGridLayout;
class QStackedWidget;

namespace pos {

class NumPad;
class Till;

// Taking the money: the amount due in large type, a button per tender, quick-cash amounts,
// a keypad for the amount handed over, the payments so far (split tender) and what
// remains. Once paid the sale is recorded, the drawer opens for cash, the receipt prints,
// and the change stays in the largest type until the next scan or "New sale".
class TenderScreen : public Screen
{
    Q_OBJECT

public:
    TenderScreen(Till &till, QWidget *parent = nullptr);
    void retranslate() override;
    // Starts taking payment for the ticket on screen.
    void begin();
    bool completed() const { return m_completed; }

signals:
    void back();
    void finished();

private:
    void buildTenderButtons();
    void pay(const Tender &tender);
    void removeLast();
    void refresh();
    Money due() const;
    Money paid() const;
    void complete();
    void recorded(const Sale &sale);

    Till &m_till;
    QLabel *m_due;
    QLabel *m_remaining;
    QLabel *m_change;
    QLineEdit *m_amount;
    NumPad *m_pad;
    QListWidget *m_payments;
    QWidget *m_tenderHost;
    QGridLayout *m_tenderGrid;
    QWidget *m_quickHost;
    QPushButton *m_back;
    QPushButton *m_removePayment;
    QPushButton *m_retry;
    QPushButton *m_newSale;
    QList<Payment> m_paid;
    Money m_dueAmount;
    bool m_refund = false;
    bool m_completed = false;
    bool m_sending = false;
};

} // namespace pos
