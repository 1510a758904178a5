// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/screen.h"

#include "core/api/permission.h"
#include "core/base/money.h"

#include <QQueue>

#include <functional>

class QPushButton;
class QStackedWidget;

namespace pos {

class CashActions;
class ProductPicker;
class TicketView;
class Till;
struct Product;
struct Sale;

// Ringing up a ticket: scans, product buttons and search add lines; the action bar works on
// the selected line or the whole ticket; PAY goes to the tender screen.
class SaleScreen : public Screen
{
    Q_OBJECT

public:
    SaleScreen(Till &till, QWidget *parent = nullptr);
    void retranslate() override;
    void catalogChanged();

    // A code from the scanner: a product, a price or weight label, or a receipt to return.
    void scan(const QString &code);

signals:
    void payRequested();
    void switchCashier();
    void closeRegister();

private:
    QPushButton *action(const QString &name, const QString &role = {});
    void buildActions();
    void add(const Product &product);
    void addScanned(const Product &product, Quantity quantity, Money unitPrice);
    void lookUpNextScan();
    int selectedLine();

    void askQuantity();
    void askPrice();
    void askDiscount(bool wholeTicket);
    void removeLine();
    void pickCustomer();
    void pickSalesRep();
    void hold();
    void recall();
    void askReturn();
    void startReturn(const QString &receiptNumber);
    // Brings back an earlier ticket once its lines' products are at hand.
    void withProductsOf(const Sale &sale, std::function<void(const QHash<QUuid, Product> &)> then);
    void voidTicket();
    void pay();

    // Runs `then` once the cashier may do it, or a manager approved it with their PIN.
    void withPermission(Permission permission, std::function<void()> then);

    Till &m_till;
    TicketView *m_ticket;
    ProductPicker *m_picker;
    QStackedWidget *m_actionPages;
    CashActions *m_cash;
    QHash<QString, QPushButton *> m_actions;
    // Codes scanned and not yet on the ticket: looked up one after another, so lines
    // appear in the order they were scanned however the answers travel.
    QQueue<QString> m_scans;
    bool m_payWhenScanned = false;
};

} // namespace pos
