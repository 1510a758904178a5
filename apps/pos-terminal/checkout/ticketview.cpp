// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketview.h"

#include "till/cart.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace pos {

TicketView::TicketView(Cart &cart, QWidget *parent)
    : QWidget(parent)
    , m_cart(cart)
    , m_header(new QLabel(this))
    , m_table(new QTableView(this))
    , m_subtotal(new QLabel(this))
    , m_taxes(new QLabel(this))
    , m_total(new QLabel(this))
{
    m_header->setObjectName(QStringLiteral("ticketHeader"));
    m_table->setObjectName(QStringLiteral("ticketView"));
    m_table->setModel(&cart);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(Cart::Description, QHeaderView::Stretch);
    for (int c : {Cart::Quantity, Cart::Price, Cart::Total}) {
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    m_total->setObjectName(QStringLiteral("totalLabel"));
    m_total->setProperty("role", QStringLiteral("total"));
    m_total->setAlignment(Qt::AlignRight);
    m_subtotal->setObjectName(QStringLiteral("subtotalLabel"));
    m_subtotal->setAlignment(Qt::AlignRight);
    m_taxes->setObjectName(QStringLiteral("taxesLabel"));
    m_taxes->setAlignment(Qt::AlignRight);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_subtotal);
    layout->addWidget(m_taxes);
    layout->addWidget(m_total);
    connect(&cart, &Cart::totalsChanged, this, &TicketView::refresh);
    connect(&cart, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) { selectRow(first); });
    refresh();
}

int TicketView::selectedRow() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void TicketView::selectRow(int row)
{
    m_table->selectRow(row);
    m_table->scrollTo(m_cart.index(row, 0));
}

void TicketView::refresh()
{
    const QLocale locale;
    QStringList header;
    header << (m_cart.isReturn() ? tr("Return") : tr("Sale"));
    if (!m_cart.customerName().isEmpty()) {
        header << tr("Customer: %1").arg(m_cart.customerName());
    }
    if (!m_cart.salesRepName().isEmpty()) {
        header << tr("Rep: %1").arg(m_cart.salesRepName());
    }
    m_header->setText(header.join(QStringLiteral(" · ")));
    const auto &totals = m_cart.totals();
    if (!totals) {
        m_total->setText(QStringLiteral("—"));
        m_subtotal->setText(totals.error().message);
        m_taxes->clear();
        return;
    }
    QString subtotal = tr("Subtotal %1").arg(totals->subtotal.format(locale));
    if (!m_cart.ticketDiscount().isZero()) {
        subtotal = tr("Ticket discount −%1").arg(m_cart.ticketDiscount().format(locale))
                   + QStringLiteral("   ") + subtotal;
    }
    m_subtotal->setText(subtotal);
    QStringList taxes;
    for (const TaxTotal &t : totals->taxes.totals) {
        taxes << QStringLiteral("%1 %2 % %3")
                         .arg(t.rule.name, t.rule.rate.toPercentString(), t.tax.format(locale));
    }
    m_taxes->setText(taxes.join(QStringLiteral("   ")));
    m_total->setText(tr("TOTAL %1").arg(totals->total.format(locale)));
}

} // namespace pos
