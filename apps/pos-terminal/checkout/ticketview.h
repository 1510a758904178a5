// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace pos {

class Cart;

// The ticket as the cashier and customer see it: its lines (one selected, which the line
// actions apply to), then subtotal, taxes by rate and the total in the largest type.
class TicketView : public QWidget
{
    Q_OBJECT

public:
    TicketView(Cart &cart, QWidget *parent = nullptr);

    // The selected line, or -1.
    int selectedRow() const;
    void selectRow(int row);
    void refresh();

private:
    Cart &m_cart;
    QLabel *m_header;
    QTableView *m_table;
    QLabel *m_subtotal;
    QLabel *m_taxes;
    QLabel *m_total;
};

} // namespace pos
