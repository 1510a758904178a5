// SPDX-License-Identifier: GPL-3.0-or-later
#include "cart.h"

#include "catalog.h"
#include "core/base/recordid.h"

#include <QLocale>

namespace pos {

Cart::Cart(QObject *parent)
    : QAbstractTableModel(parent)
    , m_totals(SaleTotals{})
{}

int Cart::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int Cart::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant Cart::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size()) {
        return {};
    }
    const CartLine &l = m_lines.at(index.row());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(index.column() == Description
                                           ? Qt::AlignLeft | Qt::AlignVCenter
                                           : Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole) {
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case Description:
        return l.discount.isZero()
                       ? l.product.name
                       : tr("%1\n  discount −%2").arg(l.product.name, l.discount.format(locale));
    case Quantity:
        return l.quantity.format(locale);
    case Price:
        return l.priceOverridden ? tr("%1 *").arg(l.unitPrice.format(locale))
                                 : l.unitPrice.format(locale);
    case Total:
        if (m_totals && index.row() < m_totals->lineTotals.size()) {
            return m_totals->lineTotals.at(index.row()).format(locale);
        }
        return QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant Cart::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Description:
        return tr("Item");
    case Quantity:
        return tr("Qty");
    case Price:
        return tr("Price");
    case Total:
        return tr("Total");
    case ColumnCount:
        break;
    }
    return {};
}

int Cart::add(const Product &product, pos::Quantity quantity, Money unitPrice)
{
    const int last = static_cast<int>(m_lines.size()) - 1;
    if (last >= 0 && !product.weighed && !isReturn()) {
        CartLine &l = m_lines[last];
        if (l.product.id == product.id && l.unitPrice == unitPrice && l.discount.isZero()
            && !l.priceOverridden) {
            l.quantity = pos::Quantity::fromMilli(l.quantity.milli() + quantity.milli());
            changed(last);
            return last;
        }
    }
    const int row = static_cast<int>(m_lines.size());
    beginInsertRows({}, row, row);
    m_lines.append(CartLine{newRecordId(), product, quantity, unitPrice, Money(), false, {}});
    endInsertRows();
    recompute();
    return row;
}

void Cart::setQuantity(int row, pos::Quantity quantity)
{
    // A returned line stays negative whatever the cashier types.
    m_lines[row].quantity = isReturn() && !quantity.isNegative()
                                    ? pos::Quantity::fromMilli(-quantity.milli())
                                    : quantity;
    changed(row);
}

void Cart::setPrice(int row, Money price)
{
    m_lines[row].unitPrice = price;
    m_lines[row].priceOverridden = price != m_lines[row].product.price;
    changed(row);
}

void Cart::setLineDiscount(int row, Money discount)
{
    m_lines[row].discount = discount;
    changed(row);
}

void Cart::setTicketDiscount(Money discount)
{
    m_ticketDiscount = discount;
    recompute();
}

void Cart::remove(int row)
{
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    endRemoveRows();
    recompute();
}

void Cart::setCustomer(const Customer &customer)
{
    m_customerId = customer.id;
    m_customerName = customer.name;
    m_customerExempt = customer.taxExempt;
    recompute();
}

void Cart::setSalesRep(const QUuid &id, const QString &name)
{
    m_salesRepId = id;
    m_salesRepName = name;
    emit totalsChanged();
}

Product Cart::productOf(const SaleLine &line, const QHash<QUuid, Product> &products)
{
    Product product = products.value(line.productId);
    product.id = line.productId;
    product.name = line.description; // as it was printed, even if renamed since
    return product;
}

void Cart::startReturn(const Sale &original, const QHash<QUuid, Product> &products)
{
    clear();
    m_kind = SaleKind::Return;
    m_originalSaleId = original.id;
    beginResetModel();
    for (const SaleLine &sold : original.lines) {
        m_lines.append(CartLine{newRecordId(), productOf(sold, products),
                                pos::Quantity::fromMilli(-sold.quantity.milli()), sold.unitPrice,
                                Money(), sold.priceOverridden, sold.id});
    }
    endResetModel();
    recompute();
}

void Cart::restore(const Sale &sale, const QHash<QUuid, Product> &products)
{
    clear();
    beginResetModel();
    m_saleId = sale.id;
    m_customerId = sale.customerId;
    m_salesRepId = sale.salesRepId;
    m_ticketDiscount = sale.ticketDiscount;
    for (const SaleLine &l : sale.lines) {
        m_lines.append(CartLine{l.id, productOf(l, products), l.quantity, l.unitPrice, l.discount,
                                l.priceOverridden, l.originalLineId});
    }
    endResetModel();
    recompute();
}

void Cart::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
    m_saleId = newRecordId();
    m_kind = SaleKind::Sale;
    m_originalSaleId = QUuid();
    m_customerId = QUuid();
    m_customerName.clear();
    m_customerExempt = false;
    m_salesRepId = QUuid();
    m_salesRepName.clear();
    m_ticketDiscount = Money();
    m_approvalPin.clear();
    recompute();
}

void Cart::changed(int row)
{
    recompute();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void Cart::recompute()
{
    QList<PricedLine> priced;
    for (const CartLine &l : std::as_const(m_lines)) {
        priced << PricedLine{l.unitPrice, l.quantity, l.discount,
                             m_catalog ? m_catalog->taxRulesOf(l.product) : QList<TaxRule>{}};
    }
    const TaxPolicy policy = m_catalog ? m_catalog->store().taxPolicy() : TaxPolicy{};
    m_totals = computeSaleTotals(priced, m_ticketDiscount, policy,
                                 m_customerExempt ? CustomerTaxStatus::Exempt
                                                  : CustomerTaxStatus::Taxable);
    if (!m_lines.isEmpty()) {
        emit dataChanged(index(0, Total), index(static_cast<int>(m_lines.size()) - 1, Total));
    }
    emit totalsChanged();
}

Sale Cart::toSale(const QList<Payment> &payments, Money change) const
{
    Sale s;
    s.id = m_saleId;
    s.kind = m_kind;
    s.originalSaleId = m_originalSaleId;
    s.customerId = m_customerId;
    s.salesRepId = m_salesRepId;
    s.ticketDiscount = m_ticketDiscount;
    s.createdAt = QDateTime::currentDateTimeUtc();
    s.businessDate = QDate::currentDate();
    s.payments = payments;
    s.change = change;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        const CartLine &l = m_lines.at(i);
        const Money total = m_totals ? m_totals->lineTotals.value(i) : Money();
        s.lines << SaleLine{l.id,       l.product.id,      l.product.name,
                            l.quantity, l.unitPrice,       l.discount,
                            total,      l.priceOverridden, l.originalLineId};
    }
    if (m_totals) {
        s.subtotal = m_totals->subtotal;
        s.taxTotal = m_totals->taxTotal;
        s.total = m_totals->total;
    }
    return s;
}

} // namespace pos
