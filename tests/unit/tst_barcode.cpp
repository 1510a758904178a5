// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/barcode.h"
#include "support/testsupport.h"

using namespace pos;

class TestBarcode : public QObject
{
    Q_OBJECT

private slots:
    // Check digits of real-world codes, worked by GS1's weights 3,1,3... from the right.
    void checkDigits_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("valid");
        // 750123456789|3: from the right 9,7,5,3,1,5 weigh 3 (= 90), 8,6,4,2,0,7 weigh 1
        // (= 27); 117 -> (10 - 7) % 10 = 3
        QTest::newRow("ean13") << "7501234567893" << true;
        QTest::newRow("ean13-wrong") << "7501234567895" << false;
        QTest::newRow("isbn") << "9780306406157" << true;
        QTest::newRow("ean8") << "96385074" << true;
        QTest::newRow("ean8-wrong") << "96385075" << false;
        QTest::newRow("upca") << "036000291452" << true;
        QTest::newRow("upca-wrong") << "036000291453" << false;
        QTest::newRow("letters") << "75012345678A5" << false;
        QTest::newRow("length-11") << "12345678901" << false;
    }
    void checkDigits()
    {
        QFETCH(QString, code);
        QFETCH(bool, valid);
        QCOMPARE(hasValidCheckDigit(code), valid);
    }

    // UPC-A and its EAN-13 form are one code.
    void normalise()
    {
        QCOMPARE(normaliseBarcode(QStringLiteral("036000291452")), QStringLiteral("0036000291452"));
        QCOMPARE(normaliseBarcode(QStringLiteral(" 7501234567895 ")),
                 QStringLiteral("7501234567895"));
        QCOMPARE(normaliseBarcode(QStringLiteral("ABC-1")), QStringLiteral("ABC-1"));
    }

    // In-store labels follow the rule of their prefix; the rules are data.
    void embedded_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<bool>("embedded");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<qint64>("milli");
        // 20 01234 00350 + check: item 01234, 3.50
        QTest::newRow("price") << "2001234003506" << "01234" << true << qint64(350) << qint64(1000);
        // 21 00042 01250 + check: item 00042, 1.250 kg
        QTest::newRow("weight") << "2100042012509" << "00042" << true << qint64(0) << qint64(1250);
        // prefix 29 has no rule: an ordinary code
        QTest::newRow("no-rule") << "2900042012505" << "2900042012505" << false << qint64(0)
                                 << qint64(1000);
        QTest::newRow("plain") << "7501234567893" << "7501234567893" << false << qint64(0)
                               << qint64(1000);
        QTest::newRow("code128") << "SKU-77" << "SKU-77" << false << qint64(0) << qint64(1000);
    }
    void embedded()
    {
        QFETCH(QString, code);
        const QList<BarcodeRule> rules{{QStringLiteral("20"), 2, 5, 7, 5, EmbeddedValue::Price},
                                       {QStringLiteral("21"), 2, 5, 7, 5, EmbeddedValue::Weight}};
        const auto scanned = readBarcode(code, rules);
        POS_VERIFY_OK(scanned);
        QTEST(scanned->lookupCode, "lookup");
        QTEST(scanned->embedded, "embedded");
        QTEST(scanned->price.minor(), "price");
        QTEST(scanned->quantity.milli(), "milli");
    }

    // A misread code (one digit off) is refused instead of ringing up the wrong item.
    void misreadRefused()
    {
        const auto r = readBarcode(QStringLiteral("7501234567894"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY(!readBarcode(QStringLiteral("   "), {}));
    }
};

QTEST_GUILESS_MAIN(TestBarcode)
#include "tst_barcode.moc"
