// SPDX-License-Identifier: GPL-3.0-or-later
// The checkout driven like a cashier drives it, through one shift on one till: real widgets
// clicked by objectName, the store service in-process on SQLite, a network printer and a
// serial drawer simulated so each test reads the exact bytes they received. The functions
// run in order and share the shift; each checks the database.
#include "terminalrig.h"

#include "apps/widgets/banner.h"
#include "core/devices/codepage.h"
#include "core/devices/escpos.h"
#include "support/testsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace pos;
using namespace pos::test;

namespace {

const QString kCoffee = QStringLiteral("Café molido 500 g");
const QString kMilk = QStringLiteral("Leche entera 1 kg");
const QString kSoap = QStringLiteral("Jabón de barra 1 pza");
const QByteArray kCut("\x1d\x56\x42\x00", 4);

QString outputDir()
{
    const QString base = qEnvironmentVariable("POS_TEST_OUTPUT", QStringLiteral("test-output"));
    return base + QStringLiteral("/terminal");
}

} // namespace

class TerminalTest : public QObject
{
    Q_OBJECT

    TerminalRig m_rig;
    QString m_firstSaleId;
    QString m_firstReceipt;

    TerminalDriver &ui() { return m_rig.driver(); }

    // Saves the window as it is, in English and in Spanish, for docs/screenshots.
    void shoot(const QString &name)
    {
        // Nothing on any screen may need more than the smallest supported display.
        QVERIFY2(m_rig.window().height() <= 768 && m_rig.window().width() <= 1024,
                 qPrintable(QStringLiteral("%1x%2")
                                    .arg(m_rig.window().width())
                                    .arg(m_rig.window().height())));
        for (const char *lang : {"en", "es"}) {
            const QString code = QString::fromLatin1(lang);
            QVERIFY(ui().click(QStringLiteral("lang") + code.left(1).toUpper() + code.mid(1)));
            QVERIFY(ui().screenshot(QStringLiteral("%1/screenshots/%2/%3.png")
                                            .arg(outputDir(), QString::fromLatin1(lang), name)));
        }
        QVERIFY(ui().click(QStringLiteral("langEn")));
    }

    int ticketRows() { return m_rig.till().cart().rowCount(); }

    QString bannerText()
    {
        return m_rig.window().banner().isVisible() ? m_rig.window().banner().text() : QString();
    }

    // Waits until the printer received a whole receipt (it ends in a cut) and returns it.
    QByteArray printedReceipt()
    {
        if (!TerminalDriver::waitFor([&] { return m_rig.printer().received().endsWith(kCut); })) {
            return {};
        }
        const QByteArray bytes = m_rig.printer().received();
        m_rig.printer().clear();
        return bytes;
    }

    QByteArray drawerBytes()
    {
        QByteArray bytes;
        TerminalDriver::waitFor([&] {
            bytes += m_rig.drawer().readAll();
            return bytes.size() >= drawerKick().size();
        });
        return bytes;
    }

    // Pays what is due in cash with the exact amount and waits for the sale to be recorded.
    void payExactCash()
    {
        QVERIFY(ui().click(QStringLiteral("actPay")));
        QVERIFY(ui().click(QStringLiteral("tender_CASH")));
        QVERIFY(ui().waitForWidget(QStringLiteral("newSale")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_rig.drawer().ok());
        POS_VERIFY_OK(m_rig.start(outputDir() + QStringLiteral("/receipts")));
    }

    // A new till waits for approval; a manager gives it at the till; the terminal's
    // credential is then in its secret store, and PIN logins work.
    void approveTill()
    {
        shoot(QStringLiteral("00-registration"));
        QVERIFY(ui().approveHere(QStringLiteral("admin"),
                                 QString::fromLatin1(TerminalRig::kAdminPassword)));
        const QVariantList terminal = m_rig.row(QStringLiteral("SELECT status FROM terminals"));
        QCOMPARE(terminal.value(0).toString(), QStringLiteral("approved"));
    }

    // A cashier logs in by PIN and opens the register with a counted float.
    void loginAndOpenRegister()
    {
        shoot(QStringLiteral("01-login"));
        QVERIFY(ui().logIn(QStringLiteral("1234")));
        QVERIFY(ui().waitForWidget(QStringLiteral("openRegisterScreen")));
        shoot(QStringLiteral("02-open-register"));
        QVERIFY(ui().openRegister(QStringLiteral("500")));
        const QVariantList session = m_rig.row(
                QStringLiteral("SELECT opening_float, status FROM register_sessions"));
        QCOMPARE(session.value(0).toLongLong(), 50000);
        QCOMPARE(session.value(1).toString(), QStringLiteral("open"));
    }

    // Scans ring items up (the same item twice makes one line of two), cash pays, the
    // drawer opens, the receipt prints with its accents, QR code and cut.
    void cashSale()
    {
        ui().scan(m_rig.barcodeOf(kCoffee));
        ui().scan(m_rig.barcodeOf(kCoffee));
        ui().scan(m_rig.barcodeOf(kMilk));
        QTRY_COMPARE(ticketRows(), 2);
        QCOMPARE(m_rig.till().cart().line(0).quantity, Quantity::units(2));
        shoot(QStringLiteral("03-sale"));
        // The same screen on a full-HD till: more room, same layout.
        m_rig.window().resize(1920, 1080);
        QVERIFY(ui().screenshot(outputDir()
                                + QStringLiteral("/screenshots/en/03-sale-1920x1080.png")));
        m_rig.window().resize(1024, 768);
        const Money total = m_rig.till().cart().totals()->total;
        QVERIFY(ui().click(QStringLiteral("actPay")));
        QVERIFY(ui().waitForWidget(QStringLiteral("tenderScreen")));
        // Quick cash: the exact amount, then what a customer hands over in notes.
        QVERIFY(ui().waitForWidget(QStringLiteral("quickCash1")));
        QCOMPARE(qobject_cast<QPushButton *>(ui().find(QStringLiteral("quickCash0")))->text(),
                 total.format(QLocale()));
        shoot(QStringLiteral("04-tender"));
        QVERIFY(ui().keypad(QStringLiteral("tender"), QStringLiteral("500"), false));
        QVERIFY(ui().click(QStringLiteral("tender_CASH")));
        QVERIFY(ui().waitForWidget(QStringLiteral("newSale")));
        shoot(QStringLiteral("05-change"));

        const QVariantList sale = m_rig.row(QStringLiteral(
                "SELECT id, receipt_number, total, change_given FROM sales ORDER BY created_at"));
        QCOMPARE(sale.value(2).toLongLong(), total.minor());
        QCOMPARE(sale.value(3).toLongLong(), 50000 - total.minor());
        m_firstSaleId = sale.value(0).toString();
        m_firstReceipt = sale.value(1).toString();
        QVERIFY(m_firstReceipt.startsWith(QStringLiteral("ST01-01-")));
        const auto change = qobject_cast<QLabel *>(ui().find(QStringLiteral("changeLabel")));
        QVERIFY(change->text().contains(Money::fromMinor(50000 - total.minor()).format(QLocale())));

        const QByteArray receipt = printedReceipt();
        QVERIFY(receipt.startsWith(paperStatusQuery() + QByteArray("\x1b@\x1bt\x13", 5)));
        QVERIFY(receipt.contains(toCodePage858(QStringLiteral("Abarrotes La Esperanza"))));
        QVERIFY(receipt.contains(QByteArray("Caf\x82 molido 500 g")));
        QVERIFY(receipt.contains(QByteArray("\x1d!\x11") + "TOTAL"));
        QVERIFY(receipt.contains(QByteArray("\x31\x50\x30") + m_firstReceipt.toLatin1()));
        QVERIFY(receipt.endsWith(kCut));
        QCOMPARE(drawerBytes(), drawerKick());
        QVERIFY(QFile::exists(outputDir() + QStringLiteral("/receipts/") + m_firstReceipt
                              + QStringLiteral(".pdf")));
    }

    // Card for part, cash for the rest: two payments on one sale; the cash opens the drawer.
    void splitCardAndCash()
    {
        ui().scan(m_rig.barcodeOf(kSoap)); // the next scan after a sale starts a new one
        // PAY pressed before the scan is answered waits for the line.
        QVERIFY(ui().click(QStringLiteral("actPay")));
        QVERIFY(ui().waitForWidget(QStringLiteral("tenderScreen")));
        QCOMPARE(ticketRows(), 1);
        const Money total = m_rig.till().cart().totals()->total;
        QVERIFY(ui().keypad(QStringLiteral("tender"), QStringLiteral("10"), false));
        QVERIFY(ui().click(QStringLiteral("tender_CARD")));
        QTRY_VERIFY(qobject_cast<QLabel *>(ui().find(QStringLiteral("remainingLabel")))
                            ->text()
                            .contains(Money::fromMinor(total.minor() - 1000).format(QLocale())));
        QVERIFY(ui().click(QStringLiteral("tender_CASH")));
        QVERIFY(ui().waitForWidget(QStringLiteral("newSale")));
        const QVariantList pays = m_rig.row(
                QStringLiteral("SELECT COUNT(*), SUM(amount) FROM sale_payments p JOIN sales s ON "
                               "s.id = p.sale_id WHERE s.total = ? AND s.receipt_number <> ?"),
                {total.minor(), m_firstReceipt});
        QCOMPARE(pays.value(0).toLongLong(), 2);
        QCOMPARE(pays.value(1).toLongLong(), total.minor());
        QVERIFY(!printedReceipt().isEmpty());
        QCOMPARE(drawerBytes(), drawerKick());
        QVERIFY(ui().click(QStringLiteral("newSale")));
    }

    // A cashier may not discount: the till asks for a manager's PIN first, and the sale
    // goes through with the manager recorded as the approver.
    void discountNeedsManagerPin()
    {
        ui().scan(m_rig.barcodeOf(kCoffee));
        QTRY_COMPARE(ticketRows(), 1);
        QVERIFY(ui().click(QStringLiteral("actDiscount")));
        QVERIFY(ui().waitForWidget(QStringLiteral("managerDialog")));
        shoot(QStringLiteral("06-manager-pin"));
        QVERIFY(ui().keypad(QStringLiteral("manager"), QStringLiteral("9876")));
        QVERIFY(ui().waitForWidget(QStringLiteral("discountDialog")));
        QVERIFY(ui().keypad(QStringLiteral("discount"), QStringLiteral("10")));
        const Money price = m_rig.till().cart().line(0).unitPrice;
        const Money expected = Money::fromMinor((price.minor() * 1000 + 5000) / 10000);
        QTRY_COMPARE(m_rig.till().cart().line(0).discount, expected);
        payExactCash();
        const QVariantList line = m_rig.row(
                QStringLiteral("SELECT discount FROM sale_lines WHERE discount > 0"));
        QCOMPARE(line.value(0).toLongLong(), expected.minor());
        const QVariantList audit = m_rig.row(QStringLiteral(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'sale.discount_over_limit' AND "
                "approver_id IS NOT NULL"));
        QCOMPARE(audit.value(0).toLongLong(), 1);
        printedReceipt();
        drawerBytes();
    }

    // Scanning a receipt's QR code starts its return; what does not come back is removed.
    // A return against a receipt refunds what was paid and needs no manager (a blind one
    // does, which the store tests cover).
    void returnAgainstReceipt()
    {
        ui().scan(m_firstReceipt);
        QTRY_VERIFY(m_rig.till().cart().isReturn());
        QCOMPARE(ticketRows(), 2);
        auto *table = qobject_cast<QTableView *>(ui().find(QStringLiteral("ticketView")));
        table->selectRow(1);
        QVERIFY(ui().click(QStringLiteral("actRemove")));
        QCOMPARE(ticketRows(), 1);
        shoot(QStringLiteral("07-return"));
        QVERIFY(ui().click(QStringLiteral("actPay")));
        QVERIFY(ui().click(QStringLiteral("tender_CASH")));
        QVERIFY2(ui().waitForWidget(QStringLiteral("newSale")), qPrintable(bannerText()));
        const QVariantList back = m_rig.row(
                QStringLiteral("SELECT total, original_sale_id FROM sales WHERE kind = 'return'"));
        QVERIFY(back.value(0).toLongLong() < 0);
        QCOMPARE(back.value(1).toString(), m_firstSaleId);
        const QByteArray receipt = printedReceipt();
        QVERIFY(receipt.contains("RETURN"));
        drawerBytes();
        QVERIFY(ui().click(QStringLiteral("newSale")));
    }

    // A ticket parked and brought back keeps its lines; voiding it empties the till.
    void holdAndRecall()
    {
        ui().scan(m_rig.barcodeOf(kMilk));
        ui().scan(m_rig.barcodeOf(kSoap));
        QTRY_COMPARE(ticketRows(), 2);
        QVERIFY(ui().click(QStringLiteral("actHold")));
        QTRY_COMPARE(ticketRows(), 0);
        QCOMPARE(m_rig.row(QStringLiteral("SELECT COUNT(*) FROM held_tickets")).value(0).toInt(), 1);
        QVERIFY(ui().click(QStringLiteral("actRecall")));
        QVERIFY(ui().waitForWidget(QStringLiteral("heldDialog")));
        QVERIFY(ui().click(QStringLiteral("held_0")));
        QTRY_COMPARE(ticketRows(), 2);
        QCOMPARE(m_rig.row(QStringLiteral("SELECT COUNT(*) FROM held_tickets")).value(0).toInt(), 0);
        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actVoid")));
        QVERIFY(ui().click(QStringLiteral("voidYes")));
        QTRY_COMPARE(ticketRows(), 0);
    }

    // A scanner's burst is a scan wherever the focus is; keys typed by hand still reach
    // the field they were typed in.
    void scannerWedgeAndTyping()
    {
        auto *search = qobject_cast<QLineEdit *>(ui().find(QStringLiteral("searchEdit")));
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("leche"), Qt::NoModifier, 90);
        QTRY_COMPARE(search->text(), QStringLiteral("leche"));
        QTRY_VERIFY(ui().find(QStringLiteral("productSlot0")) != nullptr);
        search->clear();
        search->setFocus();
        ui().scan(m_rig.barcodeOf(kMilk));
        QTRY_COMPARE(ticketRows(), 1);
        QCOMPARE(search->text(), QString());
    }

    // An unknown code beeps and shows a banner; the ticket on screen is untouched.
    void unknownItemKeepsTicket()
    {
        ui().scan(QStringLiteral("7501999999999"));
        QTRY_VERIFY(bannerText().contains(QStringLiteral("7501999999999")));
        QCOMPARE(ticketRows(), 1);
        shoot(QStringLiteral("08-item-not-found"));
    }

    // A manager who does not come: the cashier cancels the PIN prompt, a red banner says
    // why, and the ticket on screen is untouched.
    void permissionDeniedKeepsTicket()
    {
        QCOMPARE(ticketRows(), 1);
        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actNoSale")));
        QVERIFY(ui().waitForWidget(QStringLiteral("managerDialog")));
        QVERIFY(ui().click(QStringLiteral("managerCancel")));
        QTRY_COMPARE(m_rig.window().banner().property("level").toString(), QStringLiteral("error"));
        QVERIFY(!bannerText().isEmpty());
        QCOMPARE(ticketRows(), 1);
        QVERIFY(m_rig.drawer().readAll().isEmpty());
    }

    // A printer out of paper never loses the sale: it is recorded, the receipt waits with a
    // warning on screen, and prints once the paper is back.
    void printerOutOfPaper()
    {
        m_rig.printer().setStatus(PrinterListener::kPaperEnd);
        payExactCash();
        QTRY_COMPARE(m_rig.till().devices().receiptsWaiting(), 1);
        QTRY_VERIFY(m_rig.window().banner().warnings().contains(QStringLiteral("out of paper")));
        shoot(QStringLiteral("09-printer-warning"));
        drawerBytes();
        m_rig.printer().clear();
        m_rig.printer().setStatus(PrinterListener::kPaperOk);
        m_rig.till().devices().retryNow();
        QTRY_COMPARE(m_rig.till().devices().receiptsWaiting(), 0);
        QVERIFY(printedReceipt().contains(toCodePage858(kMilk)));
        QTRY_VERIFY(m_rig.window().banner().warnings().isEmpty());
        QVERIFY(ui().click(QStringLiteral("newSale")));
    }

    // Another cashier takes over: a parked ticket waits safely through the switch.
    void switchCashierKeepsTicket()
    {
        ui().scan(m_rig.barcodeOf(kSoap));
        QTRY_COMPARE(ticketRows(), 1);
        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actSwitch")));
        QVERIFY(ui().waitForWidget(QStringLiteral("loginScreen")));
        QVERIFY(ui().keypad(QStringLiteral("pin"), QStringLiteral("2345")));
        QVERIFY(ui().waitForWidget(QStringLiteral("saleScreen")));
        QCOMPARE(ticketRows(), 1);
        const auto &cashier = m_rig.till().cashier();
        if (!cashier) {
            QFAIL("nobody is logged in");
        }
        QCOMPARE(cashier->user.username, QStringLiteral("ben"));
        payExactCash();
        printedReceipt();
        drawerBytes();
        QVERIFY(ui().click(QStringLiteral("newSale")));
    }

    // A customer found with the touch keyboard, a sales rep, a quantity and a price a
    // manager approves: all stored with the sale.
    void customerRepQuantityAndPrice()
    {
        ui().scan(m_rig.barcodeOf(kSoap));
        QTRY_COMPARE(ticketRows(), 1);
        QVERIFY(ui().click(QStringLiteral("actCustomer")));
        QVERIFY(ui().waitForWidget(QStringLiteral("customerDialog")));
        for (const char *key : {"kbKeyF", "kbKeyA", "kbKeyR"}) {
            QVERIFY(ui().click(QString::fromLatin1(key)));
        }
        QVERIFY(ui().waitForWidget(QStringLiteral("customer_C001")));
        shoot(QStringLiteral("12-customer"));
        QVERIFY(ui().click(QStringLiteral("customer_C001")));
        QTRY_VERIFY(qobject_cast<QLabel *>(ui().find(QStringLiteral("ticketHeader")))
                            ->text()
                            .contains(QStringLiteral("Farmacia San Rafael")));
        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actSalesRep")));
        QVERIFY(ui().click(QStringLiteral("rep_V01")));
        QVERIFY(ui().click(QStringLiteral("actQty")));
        QVERIFY(ui().keypad(QStringLiteral("qty"), QStringLiteral("3")));
        QTRY_COMPARE(m_rig.till().cart().line(0).quantity, Quantity::units(3));
        QVERIFY(ui().click(QStringLiteral("actPrice")));
        QVERIFY(ui().waitForWidget(QStringLiteral("managerDialog")));
        QVERIFY(ui().keypad(QStringLiteral("manager"), QStringLiteral("9876")));
        QVERIFY(ui().keypad(QStringLiteral("price"), QStringLiteral("20")));
        QTRY_COMPARE(m_rig.till().cart().line(0).unitPrice, Money::fromMinor(2000));
        payExactCash();
        const QVariantList sale = m_rig.row(QStringLiteral(
                "SELECT s.total, l.quantity, l.unit_price, l.price_overridden FROM sales s JOIN "
                "sale_lines l ON l.sale_id = s.id WHERE s.customer_id IS NOT NULL AND "
                "s.sales_rep_id IS NOT NULL"));
        QCOMPARE(sale.value(0).toLongLong(), 6000);
        QCOMPARE(sale.value(1).toLongLong(), 3000);
        QCOMPARE(sale.value(2).toLongLong(), 2000);
        QVERIFY(sale.value(3).toBool());
        QCOMPARE(m_rig.row(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                          "'sale.price_override' AND approver_id IS NOT NULL"))
                         .value(0)
                         .toInt(),
                 1);
        const QByteArray receipt = printedReceipt();
        QVERIFY(receipt.contains("Farmacia San Rafael"));
        drawerBytes();
    }

    // Reprint sends the last receipt again; paid-in and no-sale open the drawer (no-sale
    // with a manager's PIN); the X report shows the session so far.
    void reprintCashMovesAndXReport()
    {
        const auto &last = m_rig.till().lastSale();
        if (!last) {
            QFAIL("no sale was recorded");
        }
        const QString receiptNumber = last->receiptNumber;
        QVERIFY(ui().click(QStringLiteral("newSale")));
        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actReprint")));
        QVERIFY(printedReceipt().contains(receiptNumber.toLatin1()));
        QVERIFY(m_rig.drawer().readAll().isEmpty()); // a reprint does not open the drawer

        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actPaidIn")));
        QVERIFY(ui().keypad(QStringLiteral("cash"), QStringLiteral("100")));
        QCOMPARE(drawerBytes(), drawerKick());
        const QVariantList moved = m_rig.row(
                QStringLiteral("SELECT kind, amount, reason FROM cash_movements"));
        QCOMPARE(moved.value(0).toString(), QStringLiteral("paid_in"));
        QCOMPARE(moved.value(1).toLongLong(), 10000);
        QVERIFY(!moved.value(2).toString().isEmpty());

        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actNoSale")));
        QVERIFY(ui().waitForWidget(QStringLiteral("managerDialog")));
        QVERIFY(ui().keypad(QStringLiteral("manager"), QStringLiteral("9876")));
        QCOMPARE(drawerBytes(), drawerKick());
        QCOMPARE(m_rig.row(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = "
                                          "'drawer.no_sale'"))
                         .value(0)
                         .toInt(),
                 1);

        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actXReport")));
        QVERIFY(ui().waitForWidget(QStringLiteral("managerDialog"))); // reports.view
        QVERIFY(ui().keypad(QStringLiteral("manager"), QStringLiteral("9876")));
        QVERIFY(ui().waitForWidget(QStringLiteral("xReportDialog")));
        shoot(QStringLiteral("13-x-report"));
        QVERIFY(ui().click(QStringLiteral("xReportClose")));
    }

    // The blind count comes out short beyond the threshold: a manager signs off, and the
    // Z report shows expected against counted.
    void closeRegisterShort()
    {
        QVERIFY(ui().click(QStringLiteral("actMore")));
        QVERIFY(ui().click(QStringLiteral("actClose")));
        QVERIFY(ui().waitForWidget(QStringLiteral("closeRegisterScreen")));
        QVERIFY(ui().click(QStringLiteral("count_50000_plus")));
        QVERIFY(ui().click(QStringLiteral("count_2000_plus")));
        QCOMPARE(qobject_cast<QLabel *>(ui().find(QStringLiteral("count_2000")))->text(),
                 QStringLiteral("1"));
        shoot(QStringLiteral("10-close-count"));
        QVERIFY(ui().click(QStringLiteral("closeSubmit")));
        QVERIFY(ui().waitForWidget(QStringLiteral("managerDialog")));
        QVERIFY(ui().keypad(QStringLiteral("manager"), QStringLiteral("9876")));
        QVERIFY2(ui().waitForWidget(QStringLiteral("closeDone")), qPrintable(bannerText()));
        shoot(QStringLiteral("11-z-report"));
        const QVariantList session = m_rig.row(
                QStringLiteral("SELECT status, approved_by FROM register_sessions"));
        QCOMPARE(session.value(0).toString(), QStringLiteral("closed"));
        QVERIFY(!session.value(1).toString().isEmpty());
        const QVariantList cash = m_rig.row(QStringLiteral(
                "SELECT counted, expected FROM session_counts WHERE counted = 52000"));
        QVERIFY(!cash.isEmpty());
        QVERIFY(qobject_cast<QLabel *>(ui().find(QStringLiteral("sessionReport")))
                        ->text()
                        .contains(Money::fromMinor(52000).format(QLocale())));
        QVERIFY(ui().click(QStringLiteral("closeDone")));
        QVERIFY(ui().waitForWidget(QStringLiteral("loginScreen")));
    }
};

QTEST_MAIN(TerminalTest)
#include "tst_terminal.moc"
