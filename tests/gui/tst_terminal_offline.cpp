// SPDX-License-Identifier: GPL-3.0-or-later
// The till over real HTTP when the store server goes away mid-sale: the cashier sees a
// clear banner, the ticket and its payment stay on screen, and once the server is back
// the same sale is recorded exactly once.
#include "terminalrig.h"

#include "apps/widgets/banner.h"
#include "support/testsupport.h"

#include <QLabel>
#include <QTest>

using namespace pos;
using namespace pos::test;

class TerminalOfflineTest : public QObject
{
    Q_OBJECT

    TerminalRig m_rig;

    TerminalDriver &ui() { return m_rig.driver(); }

    int sales() { return m_rig.row(QStringLiteral("SELECT COUNT(*) FROM sales")).value(0).toInt(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_rig.drawer().ok());
        POS_VERIFY_OK(m_rig.start(test::outputDir(QStringLiteral("terminal-offline")),
                                  TerminalRig::Binding::Http));
        QVERIFY(ui().approveHere(QStringLiteral("admin"),
                                 QString::fromLatin1(TerminalRig::kAdminPassword)));
        QVERIFY(ui().logIn(QStringLiteral("2345")));
        QVERIFY(ui().openRegister(QStringLiteral("200")));
    }

    // Why: a server that stops answering must never cost the ticket or record it twice.
    void saleSurvivesServerOutage()
    {
        ui().scan(m_rig.barcodeOf(QStringLiteral("Arroz 1 kg")));
        QTRY_COMPARE(m_rig.till().cart().rowCount(), 1);
        m_rig.stopServer();
        QVERIFY(ui().click(QStringLiteral("actPay")));
        QVERIFY(ui().click(QStringLiteral("tender_CASH")));
        QTRY_VERIFY_WITH_TIMEOUT(m_rig.window().banner().property("level").toString()
                                         == QLatin1String("error"),
                                 30000);
        QVERIFY(qobject_cast<QLabel *>(ui().find(QStringLiteral("statusServer")))
                        ->text()
                        .contains(QStringLiteral("offline")));
        QVERIFY(ui().screenshot(test::outputDir(QStringLiteral("terminal-offline"))
                                + QStringLiteral("/server-down.png")));
        QCOMPARE(m_rig.till().cart().rowCount(), 1); // the ticket is still there
        QVERIFY(ui().find(QStringLiteral("completeSale")) != nullptr);
        QCOMPARE(sales(), 0);

        POS_VERIFY_OK(m_rig.restartServer());
        QVERIFY(ui().click(QStringLiteral("completeSale")));
        QVERIFY(ui().waitForWidget(QStringLiteral("newSale"), 30000));
        QCOMPARE(sales(), 1);
        QTRY_VERIFY(qobject_cast<QLabel *>(ui().find(QStringLiteral("statusServer")))
                            ->text()
                            .contains(QStringLiteral("online")));
    }
};

QTEST_MAIN(TerminalOfflineTest)
#include "tst_terminal_offline.moc"
