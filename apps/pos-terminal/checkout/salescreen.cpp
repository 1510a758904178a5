// SPDX-License-Identifier: GPL-3.0-or-later
#include "salescreen.h"

#include "productpicker.h"
#include "ticketview.h"

#include "common/authorised.h"
#include "common/dialogs.h"
#include "register/cashactions.h"
#include "till/till.h"

#include "apps/widgets/touch.h"
#include "core/base/recordid.h"

#include <QApplication>
#include <QGridLayout>
#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QStackedWidget>

namespace pos {

namespace {

// "ST01-02-000123": what a scanned receipt's QR code holds.
bool looksLikeReceipt(const QString &code)
{
    static const QRegularExpression receipt(QStringLiteral("^[A-Z0-9]{1,8}-\\d{2}-\\d{6}$"));
    return receipt.match(code).hasMatch();
}

} // namespace

SaleScreen::SaleScreen(Till &till, QWidget *parent)
    : Screen(parent)
    , m_till(till)
    , m_ticket(new TicketView(till.cart(), this))
    , m_picker(new ProductPicker(till.backend(), this))
    , m_actionPages(new QStackedWidget(this))
    , m_cash(new CashActions(till, this))
{
    connect(m_cash, &CashActions::failed, this, &SaleScreen::failed);
    connect(m_cash, &CashActions::informed, this, &SaleScreen::informed);
    setObjectName(QStringLiteral("saleScreen"));
    buildActions();
    auto *right = new QVBoxLayout;
    right->addWidget(m_picker, 1);
    right->addWidget(m_actionPages);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_ticket, 2);
    layout->addLayout(right, 3);
    connect(m_picker, &ProductPicker::chosen, this, &SaleScreen::add);
    SaleScreen::retranslate(); // not virtual here: this class is still being built
}

QPushButton *SaleScreen::action(const QString &name, const QString &role)
{
    auto *b = touchButton(name, this, role);
    m_actions.insert(name, b);
    return b;
}

void SaleScreen::buildActions()
{
    const QList<QPair<QString, std::function<void()>>> main{
            {QStringLiteral("actQty"),
             [this] {
                 askQuantity();
             }},
            {QStringLiteral("actPrice"),
             [this] {
                 askPrice();
             }},
            {QStringLiteral("actDiscount"),
             [this] {
                 askDiscount(false);
             }},
            {QStringLiteral("actRemove"),
             [this] {
                 removeLine();
             }},
            {QStringLiteral("actCustomer"),
             [this] {
                 pickCustomer();
             }},
            {QStringLiteral("actHold"),
             [this] {
                 hold();
             }},
            {QStringLiteral("actRecall"),
             [this] {
                 recall();
             }},
            {QStringLiteral("actReturn"),
             [this] {
                 askReturn();
             }},
            {QStringLiteral("actMore"),
             [this] {
                 m_actionPages->setCurrentIndex(1);
             }},
    };
    const QList<QPair<QString, std::function<void()>>> more{
            {QStringLiteral("actTicketDiscount"),
             [this] {
                 askDiscount(true);
             }},
            {QStringLiteral("actSalesRep"),
             [this] {
                 pickSalesRep();
             }},
            {QStringLiteral("actNoSale"),
             [this] {
                 m_cash->noSale();
             }},
            {QStringLiteral("actPaidIn"),
             [this] {
                 m_cash->move(CashMove::PaidIn);
             }},
            {QStringLiteral("actPaidOut"),
             [this] {
                 m_cash->move(CashMove::PaidOut);
             }},
            {QStringLiteral("actReprint"),
             [this] {
                 m_till.devices().reprintLast();
             }},
            {QStringLiteral("actXReport"),
             [this] {
                 m_cash->showXReport();
             }},
            {QStringLiteral("actVoid"),
             [this] {
                 voidTicket();
             }},
            {QStringLiteral("actSwitch"),
             [this] {
                 emit switchCashier();
             }},
            {QStringLiteral("actClose"),
             [this] {
                 emit closeRegister();
             }},
            {QStringLiteral("actLess"),
             [this] {
                 m_actionPages->setCurrentIndex(0);
             }},
    };
    const auto page = [this](const QList<QPair<QString, std::function<void()>>> &actions,
                             bool withPay) {
        auto *host = new QWidget(this);
        auto *grid = new QGridLayout(host);
        grid->setContentsMargins(0, 0, 0, 0);
        int i = 0;
        const int perRow = static_cast<int>((actions.size() + 1) / 2);
        for (const auto &[name, perform] : actions) {
            // An action on the second page brings the first back, where PAY is.
            const auto run = [this, perform] {
                m_actionPages->setCurrentIndex(0);
                perform();
            };
            const QString role = name == QLatin1String("actRemove")
                                                 || name == QLatin1String("actVoid")
                                         ? QStringLiteral("danger")
                                 : name == QLatin1String("actHold") ? QStringLiteral("warn")
                                                                    : QStringLiteral("action");
            auto *b = action(name, role);
            connect(b, &QPushButton::clicked, this, run);
            grid->addWidget(b, i / perRow, i % perRow);
            ++i;
        }
        if (withPay) {
            auto *payButton = action(QStringLiteral("actPay"), QStringLiteral("pay"));
            connect(payButton, &QPushButton::clicked, this, &SaleScreen::pay);
            grid->addWidget(payButton, 0, perRow, 2, 1); // the largest button, both rows high
        }
        m_actionPages->addWidget(host);
    };
    page(main, true);
    page(more, false);
}

void SaleScreen::retranslate()
{
    const QList<QPair<QString, QString>> labels{
            {QStringLiteral("actQty"), tr("Qty")},
            {QStringLiteral("actPrice"), tr("Price")},
            {QStringLiteral("actDiscount"), tr("Discount")},
            {QStringLiteral("actRemove"), tr("Remove")},
            {QStringLiteral("actCustomer"), tr("Customer")},
            {QStringLiteral("actHold"), tr("Hold")},
            {QStringLiteral("actRecall"), tr("Recall")},
            {QStringLiteral("actReturn"), tr("Return")},
            {QStringLiteral("actMore"), tr("More…")},
            {QStringLiteral("actPay"), tr("PAY")},
            {QStringLiteral("actTicketDiscount"), tr("Ticket\ndiscount")},
            {QStringLiteral("actSalesRep"), tr("Sales rep")},
            {QStringLiteral("actNoSale"), tr("No sale")},
            {QStringLiteral("actPaidIn"), tr("Paid in")},
            {QStringLiteral("actPaidOut"), tr("Paid out")},
            {QStringLiteral("actReprint"), tr("Reprint")},
            {QStringLiteral("actXReport"), tr("X report")},
            {QStringLiteral("actVoid"), tr("Void\nticket")},
            {QStringLiteral("actSwitch"), tr("Switch\ncashier")},
            {QStringLiteral("actClose"), tr("Close\nregister")},
            {QStringLiteral("actLess"), tr("◀ Back")},
    };
    for (const auto &[name, text] : labels) {
        setLabel(m_actions.value(name), text);
    }
    m_picker->retranslate();
    m_ticket->refresh();
}

void SaleScreen::catalogChanged()
{
    m_picker->setCatalog(m_till.catalog());
}

void SaleScreen::scan(const QString &code)
{
    m_scans.enqueue(code);
    if (m_scans.size() == 1) {
        lookUpNextScan();
    }
}

void SaleScreen::lookUpNextScan()
{
    if (m_scans.isEmpty()) {
        if (std::exchange(m_payWhenScanned, false)) {
            pay();
        }
        return;
    }
    const QString code = m_scans.head();
    if (looksLikeReceipt(code)) {
        m_scans.dequeue();
        startReturn(code);
        lookUpNextScan();
        return;
    }
    // The store server reads product codes, SKUs and scale or price labels alike.
    m_till.backend().execute(QStringLiteral("lookup_barcode"), {{QStringLiteral("code"), code}},
                             [this, code](Result<QJsonValue> answer) {
                                 m_scans.dequeue();
                                 auto found = decode<ScanResult>(answer);
                                 if (found) {
                                     addScanned(found->product, found->quantity, found->unitPrice);
                                 } else {
                                     QApplication::beep();
                                     m_payWhenScanned = false;
                                     emit failed(found.error().code == ErrorCode::NotFound
                                                         ? tr("Item not found: %1").arg(code)
                                                         : found.error().message);
                                 }
                                 lookUpNextScan();
                             });
}

void SaleScreen::add(const Product &product)
{
    addScanned(product, Quantity::units(1), product.price);
    m_picker->clearSearch();
}

void SaleScreen::addScanned(const Product &product, Quantity quantity, Money unitPrice)
{
    if (m_till.cart().isReturn()) {
        emit failed(tr("This ticket is a return: finish it before selling"));
        return;
    }
    const int row = m_till.cart().add(product, quantity, unitPrice);
    m_ticket->selectRow(row);
}

int SaleScreen::selectedLine()
{
    const int row = m_ticket->selectedRow();
    if (row < 0) {
        emit failed(tr("Select a line first"));
    }
    return row;
}

void SaleScreen::withPermission(Permission permission, std::function<void()> then)
{
    if (m_till.cashierMay(permission) || !m_till.cart().approvalPin().isEmpty()) {
        then();
        return;
    }
    auto *dialog = new EntryDialog(this, QStringLiteral("manager"), tr("Manager approval"),
                                   NumPadKeys::Digits, true);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMessage(tr("A manager's PIN is needed for this"));
    connect(dialog, &QDialog::accepted, this, [this, dialog, permission, then] {
        const QString pin = dialog->text();
        m_till.backend().execute(QStringLiteral("login_pin"), m_till.pinParams(pin),
                                 [this, pin, permission, then](Result<QJsonValue> answer) {
                                     auto manager = decode<Session>(answer);
                                     if (!manager) {
                                         emit failed(manager.error().message);
                                     } else if (!manager->permissions.contains(
                                                        permissionName(permission))) {
                                         emit failed(tr("%1 may not approve this")
                                                             .arg(manager->user.fullName));
                                     } else {
                                         m_till.cart().setApprovalPin(pin);
                                         then();
                                     }
                                 });
    });
    dialog->open();
}

void SaleScreen::askQuantity()
{
    const int row = selectedLine();
    if (row < 0) {
        return;
    }
    EntryDialog::ask(this, QStringLiteral("qty"), tr("Quantity"), NumPadKeys::Decimal,
                     [this, row](const QString &text) {
                         const auto q = Quantity::parse(text, QLocale());
                         if (!q || q->isZero() || q->isNegative()) {
                             emit failed(q ? tr("Quantity must be more than zero")
                                           : q.error().message);
                             return;
                         }
                         m_till.cart().setQuantity(row, *q);
                     });
}

void SaleScreen::askPrice()
{
    const int row = selectedLine();
    if (row < 0) {
        return;
    }
    withPermission(Permission::SalesPriceOverride, [this, row] {
        EntryDialog::ask(this, QStringLiteral("price"), tr("New price"), NumPadKeys::Decimal,
                         [this, row](const QString &text) {
                             const auto price = Money::parse(text, QLocale());
                             if (!price || price->isNegative()) {
                                 emit failed(price ? tr("A price cannot be negative")
                                                   : price.error().message);
                                 return;
                             }
                             m_till.cart().setPrice(row, *price);
                         });
    });
}

void SaleScreen::askDiscount(bool wholeTicket)
{
    const int row = wholeTicket ? 0 : selectedLine();
    if (row < 0 || m_till.cart().isEmpty()) {
        return;
    }
    withPermission(Permission::SalesDiscount, [this, row, wholeTicket] {
        auto *dialog = new EntryDialog(this, QStringLiteral("discount"),
                                       wholeTicket ? tr("Ticket discount") : tr("Line discount"),
                                       NumPadKeys::Decimal);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setReasons({tr("Percent %"), tr("Amount")});
        connect(dialog, &QDialog::accepted, this, [this, dialog, row, wholeTicket] {
            const bool percent = dialog->reason() == tr("Percent %");
            const auto &totals = m_till.cart().totals();
            const CartLine &line = m_till.cart().line(row);
            const auto base = wholeTicket || !totals
                                      ? (totals ? totals->total : Money())
                                      : line.unitPrice.times(line.quantity, Rounding::HalfUp)
                                                .value_or(Money());
            Result<Money> amount = Money::parse(dialog->text(), QLocale());
            if (amount && percent) {
                amount = Money::fromMinor((base.minor() * amount->minor() + 5000) / 10000);
            }
            if (!amount || amount->isNegative()) {
                emit failed(amount ? tr("A discount cannot be negative") : amount.error().message);
                return;
            }
            if (wholeTicket) {
                m_till.cart().setTicketDiscount(*amount);
            } else {
                m_till.cart().setLineDiscount(row, *amount);
            }
        });
        dialog->open();
    });
}

void SaleScreen::removeLine()
{
    const int row = selectedLine();
    if (row >= 0) {
        m_till.cart().remove(row);
        if (!m_till.cart().isEmpty()) {
            m_ticket->selectRow(std::min(row, m_till.cart().rowCount() - 1));
        }
    }
}

void SaleScreen::pickCustomer()
{
    auto *dialog = new ChoiceDialog(this, QStringLiteral("customer"), tr("Customer"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto found = std::make_shared<QHash<QString, Customer>>();
    const auto search = [this, dialog, found](const QString &text) {
        m_till.backend().execute(QStringLiteral("get_customers"),
                                 {{QStringLiteral("q"), text},
                                  {QStringLiteral("limit"), QStringLiteral("8")}},
                                 [dialog = QPointer<ChoiceDialog>(dialog),
                                  found](Result<QJsonValue> answer) {
                                     auto page = decode<Page<Customer>>(answer);
                                     if (!dialog || !page) {
                                         return;
                                     }
                                     QList<QPair<QString, QString>> choices;
                                     found->clear();
                                     for (const Customer &c : page->items) {
                                         found->insert(c.code, c);
                                         choices << qMakePair(c.code, c.name);
                                     }
                                     dialog->setChoices(choices);
                                 });
    };
    dialog->enableSearch(search);
    connect(dialog, &ChoiceDialog::picked, this,
            [this, found](const QString &code) { m_till.cart().setCustomer(found->value(code)); });
    search(QString());
    dialog->open();
}

void SaleScreen::pickSalesRep()
{
    m_till.backend().execute(QStringLiteral("get_sales_reps"), {}, [this](Result<QJsonValue> answer) {
        auto page = decode<Page<SalesRep>>(answer);
        if (!page) {
            emit failed(page.error().message);
            return;
        }
        auto *dialog = new ChoiceDialog(this, QStringLiteral("rep"), tr("Sales rep"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QList<QPair<QString, QString>> choices;
        for (const SalesRep &r : page->items) {
            choices << qMakePair(r.code, r.name);
        }
        dialog->setChoices(choices);
        connect(dialog, &ChoiceDialog::picked, this,
                [this, reps = page->items](const QString &code) {
                    for (const SalesRep &r : reps) {
                        if (r.code == code) {
                            m_till.cart().setSalesRep(r.id, r.name);
                        }
                    }
                });
        dialog->open();
    });
}

void SaleScreen::hold()
{
    if (m_till.cart().isEmpty() || m_till.cart().isReturn() || !m_till.cart().totals()) {
        return;
    }
    const Sale sale = m_till.ticket({}, Money(), SaleStatus::Held);
    const QString label = m_till.cart().customerName().isEmpty()
                                  ? QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)
                                            + QStringLiteral(" · ")
                                            + m_till.cart().totals()->total.format(QLocale())
                                  : m_till.cart().customerName();
    const QJsonObject params{{QStringLiteral("id"), idText(newRecordId())},
                             {QStringLiteral("label"), label.left(60)},
                             {QStringLiteral("sale"), json::write(sale)}};
    m_till.backend().execute(QStringLiteral("hold_ticket"), params,
                             [this](Result<QJsonValue> answer) {
                                 if (!answer) {
                                     emit failed(answer.error().message);
                                     return;
                                 }
                                 m_till.cart().clear();
                                 emit informed(tr("Ticket held"));
                             });
}

void SaleScreen::recall()
{
    if (!m_till.cart().isEmpty()) {
        emit failed(tr("Finish or hold this ticket before recalling another"));
        return;
    }
    m_till.backend().execute(QStringLiteral("get_held_tickets"), {}, [this](Result<QJsonValue> answer) {
        auto page = decode<Page<HeldTicket>>(answer);
        if (!page) {
            emit failed(page.error().message);
            return;
        }
        auto *dialog = new ChoiceDialog(this, QStringLiteral("held"), tr("Held tickets"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QList<QPair<QString, QString>> choices;
        for (qsizetype i = 0; i < page->items.size(); ++i) {
            choices << qMakePair(QString::number(i), page->items.at(i).label);
        }
        dialog->setChoices(choices);
        connect(dialog, &ChoiceDialog::picked, this, [this, held = page->items](const QString &key) {
            const QString id = idText(held.at(key.toInt()).id);
            m_till.backend().execute(QStringLiteral("recall_ticket"), {{QStringLiteral("id"), id}},
                                     [this](Result<QJsonValue> back) {
                                         auto ticket = decode<HeldTicket>(back);
                                         if (!ticket) {
                                             emit failed(ticket.error().message);
                                             return;
                                         }
                                         withProductsOf(ticket->sale, [this, sale = ticket->sale](
                                                                              const auto &products) {
                                             m_till.cart().restore(sale, products);
                                         });
                                     });
        });
        dialog->open();
    });
}

void SaleScreen::askReturn()
{
    if (!m_till.cart().isEmpty()) {
        emit failed(tr("Finish or hold this ticket before a return"));
        return;
    }
    auto *dialog = new ChoiceDialog(this, QStringLiteral("return"), tr("Return: receipt number"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto typed = std::make_shared<QString>();
    dialog->enableSearch([this, dialog, typed](const QString &text) {
        *typed = text.trimmed().toUpper();
        dialog->setChoices({{QStringLiteral("find"), tr("Find %1").arg(*typed)}});
    });
    connect(dialog, &ChoiceDialog::picked, this, [this, typed] { startReturn(*typed); });
    dialog->setChoices({});
    dialog->open();
}

void SaleScreen::startReturn(const QString &receiptNumber)
{
    if (!m_till.cart().isEmpty()) {
        emit failed(tr("Finish or hold this ticket before a return"));
        return;
    }
    m_till.backend()
            .execute(QStringLiteral("find_sale"), {{QStringLiteral("number"), receiptNumber}},
                     [this](Result<QJsonValue> answer) {
                         auto sale = decode<Sale>(answer);
                         if (!sale) {
                             emit failed(sale.error().message);
                             return;
                         }
                         withProductsOf(*sale, [this, original = *sale](const auto &products) {
                             m_till.cart().startReturn(original, products);
                             emit informed(tr("Return of %1: remove what does not come back")
                                                   .arg(original.receiptNumber));
                         });
                     });
}

void SaleScreen::voidTicket()
{
    if (m_till.cart().isEmpty()) {
        return;
    }
    confirm(this, QStringLiteral("void"), tr("Void this whole ticket?"), [this] {
        const Register *r = m_till.currentRegister();
        const auto &totals = m_till.cart().totals();
        const QJsonObject params{{QStringLiteral("id"), idText(m_till.cart().saleId())},
                                 {QStringLiteral("register_id"), r ? idText(r->id) : QString()},
                                 {QStringLiteral("reason"), QStringLiteral("voided at the till")},
                                 {QStringLiteral("total"), totals ? totals->total.minor() : 0}};
        m_till.backend().execute(QStringLiteral("void_ticket"), params,
                                 [this](Result<QJsonValue> answer) {
                                     if (!answer) {
                                         emit failed(answer.error().message);
                                         return;
                                     }
                                     m_till.cart().clear();
                                     emit informed(tr("Ticket voided"));
                                 });
    });
}

void SaleScreen::withProductsOf(const Sale &sale,
                                std::function<void(const QHash<QUuid, Product> &)> then)
{
    QList<QUuid> ids;
    for (const SaleLine &line : sale.lines) {
        ids << line.productId;
    }
    loadProducts(m_till.backend(), ids, [this, then](Result<ProductsById> products) {
        if (!products) {
            emit failed(products.error().message);
            return;
        }
        then(*products);
    });
}

void SaleScreen::pay()
{
    if (!m_scans.isEmpty()) {
        m_payWhenScanned = true; // the ticket is not all there yet
        return;
    }
    const auto &totals = m_till.cart().totals();
    if (m_till.cart().isEmpty()) {
        emit failed(tr("The ticket is empty"));
        return;
    }
    if (!totals) {
        emit failed(totals.error().message);
        return;
    }
    emit payRequested();
}

} // namespace pos
