// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/recordid.h"
#include "core/model/catalog.h"
#include "core/model/sales.h"
#include "core/sales/saletotals.h"

#include <QAbstractTableModel>

namespace pos {

class TillCatalog;

struct CartLine
{
    QUuid id;
    Product product;
    Quantity quantity;
    Money unitPrice;
    Money discount;
    bool priceOverridden = false;
    QUuid originalLineId; // on a return: the sold line it gives back
};

// The ticket being rung up: its lines, discounts, customer and money. Every change
// recomputes the totals with the same computeSaleTotals the store server checks them with.
class Cart : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Description, Quantity, Price, Total, ColumnCount };

    explicit Cart(QObject *parent = nullptr);

    void setCatalog(const TillCatalog *catalog) { m_catalog = catalog; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Adds a product, or one more of it to the last line when that line is the same plain
    // item; returns the row that changed.
    int add(const Product &product, pos::Quantity quantity, Money unitPrice);
    void setQuantity(int row, pos::Quantity quantity);
    void setPrice(int row, Money price);
    void setLineDiscount(int row, Money discount);
    void setTicketDiscount(Money discount);
    void remove(int row);
    void setCustomer(const Customer &customer);
    void setSalesRep(const QUuid &id, const QString &name);
    // A return of an earlier sale: its lines with negative quantities, the cashier removes
    // what does not come back.
    // `products` are the lines' products as the store has them now (for their taxes).
    void startReturn(const Sale &original, const QHash<QUuid, Product> &products);
    // A parked ticket brought back.
    void restore(const Sale &sale, const QHash<QUuid, Product> &products);
    void clear();

    const CartLine &line(int row) const { return m_lines.at(row); }
    bool isEmpty() const { return m_lines.isEmpty(); }
    bool isReturn() const { return m_kind == SaleKind::Return; }
    QUuid saleId() const { return m_saleId; }
    QString customerName() const { return m_customerName; }
    QString salesRepName() const { return m_salesRepName; }
    Money ticketDiscount() const { return m_ticketDiscount; }
    // A manager's PIN given at the till for this ticket (a discount, a price), sent with it.
    QString approvalPin() const { return m_approvalPin; }
    void setApprovalPin(const QString &pin) { m_approvalPin = pin; }
    // The ticket's money, or why it cannot be computed (a discount larger than the line).
    const Result<SaleTotals> &totals() const { return m_totals; }

    // The ticket as a sale record with its payments, ready for create_sale or hold_ticket.
    Sale toSale(const QList<Payment> &payments, Money change) const;

signals:
    void totalsChanged();

private:
    void recompute();
    void changed(int row);
    // A line of an earlier ticket as a product: the store's, named as printed.
    static Product productOf(const SaleLine &line, const QHash<QUuid, Product> &products);

    const TillCatalog *m_catalog = nullptr;
    QList<CartLine> m_lines;
    QUuid m_saleId = newRecordId();
    SaleKind m_kind = SaleKind::Sale;
    QUuid m_originalSaleId;
    QUuid m_customerId;
    QString m_customerName;
    bool m_customerExempt = false;
    QUuid m_salesRepId;
    QString m_salesRepName;
    Money m_ticketDiscount;
    QString m_approvalPin;
    Result<SaleTotals> m_totals;
};

} // namespace pos
