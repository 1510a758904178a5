// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenderscreen.h"

#include "common/authorised.h"
#include "till/denominations.h"
#include "till/till.h"

#include "apps/widgets/numpad.h"
#include "apps/widgets/touch.h"
#include "core/base/recordid.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace pos {

TenderScreen::TenderScreen(Till &till, QWidget *parent)
    : Screen(parent)
    , m_till(till)
    , m_due(new QLabel(this))
    , m_remaining(new QLabel(this))
    , m_change(new QLabel(this))
    , m_amount(new QLineEdit(this))
    , m_pad(new NumPad(QStringLiteral("tender"), NumPadKeys::Decimal, this))
    , m_payments(new QListWidget(this))
    , m_tenderHost(new QWidget(this))
    , m_tenderGrid(new QGridLayout(m_tenderHost))
    , m_quickHost(new QWidget(this))
    , m_back(touchButton(QStringLiteral("tenderBack"), this))
    , m_removePayment(touchButton(QStringLiteral("removePayment"), this, QStringLiteral("danger")))
    , m_retry(touchButton(QStringLiteral("completeSale"), this, QStringLiteral("pay")))
    , m_newSale(touchButton(QStringLiteral("newSale"), this, QStringLiteral("pay")))
{
    setObjectName(QStringLiteral("tenderScreen"));
    m_due->setObjectName(QStringLiteral("dueLabel"));
    m_due->setProperty("role", QStringLiteral("total"));
    m_remaining->setObjectName(QStringLiteral("remainingLabel"));
    m_remaining->setProperty("role", QStringLiteral("title"));
    m_change->setObjectName(QStringLiteral("changeLabel"));
    m_change->setProperty("role", QStringLiteral("change"));
    m_change->setAlignment(Qt::AlignCenter);
    m_amount->setObjectName(QStringLiteral("tenderAmount"));
    m_amount->setAlignment(Qt::AlignRight);
    m_payments->setObjectName(QStringLiteral("paymentsList"));
    m_payments->setFocusPolicy(Qt::NoFocus);
    m_pad->setTarget(m_amount);
    new QHBoxLayout(m_quickHost);
    auto *left = new QVBoxLayout;
    left->addWidget(m_due);
    left->addWidget(m_payments, 1);
    left->addWidget(m_remaining);
    left->addWidget(m_change);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_back);
    leftButtons->addWidget(m_removePayment);
    left->addLayout(leftButtons);
    left->addWidget(m_retry);
    left->addWidget(m_newSale);
    auto *right = new QVBoxLayout;
    right->addWidget(m_tenderHost);
    right->addWidget(m_quickHost);
    right->addWidget(m_amount);
    right->addWidget(m_pad, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);
    connect(m_back, &QPushButton::clicked, this, &TenderScreen::back);
    connect(m_removePayment, &QPushButton::clicked, this, &TenderScreen::removeLast);
    connect(m_retry, &QPushButton::clicked, this, &TenderScreen::complete);
    connect(m_newSale, &QPushButton::clicked, this, &TenderScreen::finished);
    TenderScreen::retranslate(); // not virtual here: this class is still being built
}

void TenderScreen::retranslate()
{
    setLabel(m_back, tr("Back to ticket"));
    setLabel(m_removePayment, tr("Remove payment"));
    setLabel(m_retry, tr("Complete sale"));
    setLabel(m_newSale, tr("New sale"));
    m_amount->setPlaceholderText(tr("Amount handed over"));
    m_amount->setAccessibleName(tr("Amount handed over"));
    if (m_till.catalog()) {
        refresh();
    }
}

void TenderScreen::begin()
{
    // Kept apart from the cart, which empties once the sale is recorded.
    const auto &totals = m_till.cart().totals();
    m_dueAmount = totals ? totals->total : Money();
    m_refund = m_till.cart().isReturn();
    m_paid.clear();
    m_completed = false;
    m_sending = false;
    m_amount->clear();
    buildTenderButtons();
    refresh();
}

void TenderScreen::buildTenderButtons()
{
    while (QLayoutItem *item = m_tenderGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int i = 0;
    for (const Tender &t : m_till.catalog()->tenders()) {
        if (!t.active) {
            continue;
        }
        auto *b = touchButton(QStringLiteral("tender_") + t.code, m_tenderHost,
                              t.kind == TenderKind::Cash ? QStringLiteral("pay") : QString());
        setLabel(b, t.name);
        connect(b, &QPushButton::clicked, this, [this, t] { pay(t); });
        m_tenderGrid->addWidget(b, 0, i++);
    }
}

Money TenderScreen::due() const
{
    return m_dueAmount;
}

Money TenderScreen::paid() const
{
    qint64 sum = 0;
    for (const Payment &p : m_paid) {
        sum += p.amount.minor();
    }
    return Money::fromMinor(sum);
}

void TenderScreen::pay(const Tender &tender)
{
    if (m_completed || m_sending) {
        return;
    }
    const Money remaining = Money::fromMinor(due().minor() - paid().minor());
    Money amount = remaining;
    if (!m_amount->text().isEmpty() && !m_refund) {
        const auto typed = Money::parse(m_amount->text(), QLocale());
        if (!typed || typed->isZero() || typed->isNegative()) {
            emit failed(typed ? tr("The amount must be more than zero") : typed.error().message);
            return;
        }
        amount = *typed;
    }
    if (amount > remaining && !tender.givesChange) {
        emit failed(
                tr("%1 gives no change: at most %2").arg(tender.name, remaining.format(QLocale())));
        return;
    }
    m_amount->clear();
    m_paid << Payment{newRecordId(), tender.id, amount, QString()};
    refresh();
    if (m_refund ? paid() <= due() : paid() >= due()) {
        complete();
    }
}

void TenderScreen::removeLast()
{
    if (!m_paid.isEmpty() && !m_completed && !m_sending) {
        m_paid.removeLast();
        refresh();
    }
}

void TenderScreen::refresh()
{
    const QLocale locale;
    const bool refund = m_refund;
    m_due->setText(refund ? tr("Refund %1").arg(Money::fromMinor(-due().minor()).format(locale))
                          : tr("Due %1").arg(due().format(locale)));
    m_payments->clear();
    for (const Payment &p : m_paid) {
        const Tender *t = m_till.catalog()->tender(p.tenderId);
        m_payments->addItem(
                QStringLiteral("%1   %2").arg(t ? t->name : QString(), p.amount.format(locale)));
    }
    const qint64 left = due().minor() - paid().minor();
    const bool settled = refund ? left >= 0 : left <= 0;
    m_remaining->setText(settled ? QString()
                                 : tr("Remaining %1").arg(Money::fromMinor(left).format(locale)));
    const auto &last = m_till.lastSale();
    m_change->setText(m_completed && last ? tr("Change %1").arg(last->change.format(locale))
                                          : QString());
    auto *quick = m_quickHost->layout();
    while (QLayoutItem *item = quick->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!refund && !m_completed && !settled) {
        const QList<Money> amounts = quickCash(Money::fromMinor(left),
                                               m_till.catalog()->store().currency);
        for (qsizetype i = 0; i < amounts.size(); ++i) {
            auto *b = touchButton(QStringLiteral("quickCash%1").arg(i), m_quickHost);
            setLabel(b, amounts.at(i).format(locale));
            connect(b, &QPushButton::clicked, this,
                    [this, text = amounts.at(i).format(locale)] { m_amount->setText(text); });
            quick->addWidget(b);
            b->show(); // at once: a layout would show it only on the next event loop pass
        }
    }
    m_tenderHost->setEnabled(!m_completed && !m_sending && !settled);
    m_back->setVisible(!m_completed);
    m_removePayment->setVisible(!m_completed && !m_paid.isEmpty());
    m_retry->setVisible(!m_completed && settled && !m_paid.isEmpty() && !m_sending);
    m_newSale->setVisible(m_completed);
}

void TenderScreen::complete()
{
    const bool refund = m_refund;
    const qint64 over = paid().minor() - due().minor();
    const Money change = !refund && over > 0 ? Money::fromMinor(over) : Money();
    const Sale sale = m_till.ticket(m_paid, change, SaleStatus::Completed);
    m_sending = true;
    refresh();
    runAuthorised(
            this, m_till.backend(), QStringLiteral("create_sale"), json::write(sale),
            [this](Result<QJsonValue> answer) {
                m_sending = false;
                auto stored = decode<Sale>(answer);
                if (!stored) {
                    // The ticket and its payments stay: the same sale id makes a retry safe.
                    emit failed(stored.error().message);
                    refresh();
                    return;
                }
                recorded(*stored);
            },
            m_till.cart().approvalPin());
}

void TenderScreen::recorded(const Sale &sale)
{
    bool opensDrawer = false;
    for (const Payment &p : sale.payments) {
        const Tender *t = m_till.catalog()->tender(p.tenderId);
        opensDrawer = opensDrawer || (t != nullptr && t->opensDrawer);
    }
    if (opensDrawer) {
        m_till.devices().openDrawer();
    }
    ReceiptData receipt;
    receipt.store = m_till.catalog()->store();
    receipt.registerName = m_till.currentRegister() ? m_till.currentRegister()->name : QString();
    const auto &cashier = m_till.cashier();
    receipt.cashierName = cashier ? cashier->user.fullName : QString();
    receipt.customerName = m_till.cart().customerName();
    receipt.sale = sale;
    receipt.taxes = m_till.cart().totals() ? m_till.cart().totals()->taxes.totals
                                           : QList<TaxTotal>{};
    for (const Tender &t : m_till.catalog()->tenders()) {
        receipt.tenderNames.insert(t.id, t.name);
    }
    receipt.locale = QLocale();
    m_till.devices().printReceipt(layoutReceipt(receipt), sale.receiptNumber);
    m_till.setLastSale(sale);
    m_till.cart().clear();
    m_completed = true;
    refresh();
    emit informed(tr("Sale %1 recorded").arg(sale.receiptNumber));
}

} // namespace pos
