// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/money.h"
#include "support/testsupport.h"

#include <limits>

using namespace pos;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    // Overflow must be an error, never a silent wrap: a wrapped total is a wrong charge.
    void arithmeticRefusesOverflow()
    {
        const Money max = Money::fromMinor(std::numeric_limits<qint64>::max());
        QCOMPARE(max.plus(Money::fromMinor(1)).error().code, ErrorCode::Overflow);
        QCOMPARE(Money::fromMinor(std::numeric_limits<qint64>::min())
                         .minus(Money::fromMinor(1))
                         .error()
                         .code,
                 ErrorCode::Overflow);
        QCOMPARE(Money::fromMinor(std::numeric_limits<qint64>::min()).negated().error().code,
                 ErrorCode::Overflow);
        QCOMPARE(*Money::fromMinor(150).plus(Money::fromMinor(-200)), Money::fromMinor(-50));
        QCOMPARE(Money::sum({max, Money::fromMinor(1)}).error().code, ErrorCode::Overflow);
        QCOMPARE(*Money::sum({max, Money::fromMinor(1), Money::fromMinor(-2)}),
                 Money::fromMinor(std::numeric_limits<qint64>::max() - 1));
        QCOMPARE(max.times(Quantity::units(2), Rounding::HalfUp).error().code, ErrorCode::Overflow);
    }

    // Price × weighed quantity rounds once, in the mode asked for, symmetrically for returns.
    void timesQuantity_data()
    {
        QTest::addColumn<qint64>("price");
        QTest::addColumn<qint64>("milli");
        QTest::addColumn<Rounding>("mode");
        QTest::addColumn<qint64>("expected");
        // 24.00 × 1.250 kg = 30.00 exactly
        QTest::newRow("banana") << qint64(2400) << qint64(1250) << Rounding::HalfUp << qint64(3000);
        // 0.99 × 0.505 = 0.49995 -> 0.50 (half-up and half-even agree: not a tie)
        QTest::newRow("not-a-tie") << qint64(99) << qint64(505) << Rounding::HalfUp << qint64(50);
        // 0.25 × 0.500 = 0.125 -> half-up 0.13, half-even 0.12
        QTest::newRow("tie-up") << qint64(25) << qint64(500) << Rounding::HalfUp << qint64(13);
        QTest::newRow("tie-even") << qint64(25) << qint64(500) << Rounding::HalfEven << qint64(12);
        // 0.35 × 0.500 = 0.175 -> half-even 0.18 (8 is even)
        QTest::newRow("tie-even-up")
                << qint64(35) << qint64(500) << Rounding::HalfEven << qint64(18);
        // returns mirror sales: -0.25 × 0.500 = -0.125 -> -0.13 half-up
        QTest::newRow("negative-tie")
                << qint64(25) << qint64(-500) << Rounding::HalfUp << qint64(-13);
        QTest::newRow("negative-even")
                << qint64(-25) << qint64(500) << Rounding::HalfEven << qint64(-12);
        // 89.00 × 2 = 178.00
        QTest::newRow("units") << qint64(8900) << qint64(2000) << Rounding::HalfUp << qint64(17800);
    }
    void timesQuantity()
    {
        QFETCH(qint64, price);
        QFETCH(qint64, milli);
        QFETCH(Rounding, mode);
        QFETCH(qint64, expected);
        const auto result = Money::fromMinor(price).times(Quantity::fromMilli(milli), mode);
        POS_VERIFY_OK(result);
        QCOMPARE(*result, Money::fromMinor(expected));
    }

    // A ticket discount split across lines must add up to the discount, to the cent.
    void allocate_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QList<qint64>>("expected");
        // 10.00 over three equal lines: 3.333.. each, the leftover cent to the first
        QTest::newRow("thirds") << qint64(1000) << QList<qint64>{100, 100, 100}
                                << QList<qint64>{334, 333, 333};
        // 1.00 over 1:2 -> 0.333 / 0.666; remainders 1/3 and 2/3: the cent goes to the second
        QTest::newRow("largest-remainder")
                << qint64(100) << QList<qint64>{100, 200} << QList<qint64>{33, 67};
        // negative total (a discount as a negative amount) splits the same way, mirrored
        QTest::newRow("negative") << qint64(-1000) << QList<qint64>{100, 100, 100}
                                  << QList<qint64>{-334, -333, -333};
        // a zero-priced line takes nothing
        QTest::newRow("zero-weight")
                << qint64(500) << QList<qint64>{0, 300, 200} << QList<qint64>{0, 300, 200};
        // 0.05 over seven lines of 1.00: five lines get a cent
        QTest::newRow("few-cents")
                << qint64(5) << QList<qint64>(7, 100) << QList<qint64>{1, 1, 1, 1, 1, 0, 0};
        // 17.95 over 178.00 / 30.00 / 12.00: exact shares 14.5232, 2.4477, 0.9791
        QTest::newRow("ticket") << qint64(1795) << QList<qint64>{17800, 3000, 1200}
                                << QList<qint64>{1452, 245, 98};
    }
    void allocate()
    {
        QFETCH(qint64, total);
        QFETCH(QList<qint64>, weights);
        QFETCH(QList<qint64>, expected);
        QList<Money> w;
        for (qint64 v : weights) {
            w.append(Money::fromMinor(v));
        }
        const auto parts = pos::allocate(Money::fromMinor(total), w);
        POS_VERIFY_OK(parts);
        QList<qint64> got;
        for (Money m : *parts) {
            got.append(m.minor());
        }
        QCOMPARE(got, expected);
        QCOMPARE(*Money::sum(*parts), Money::fromMinor(total));
    }

    // Splitting must refuse what has no meaning rather than guess.
    void allocateRejects()
    {
        QCOMPARE(pos::allocate(Money::fromMinor(100), {Money::fromMinor(0)}).error().code,
                 ErrorCode::Validation);
        QCOMPARE(pos::allocate(Money::fromMinor(100), {Money::fromMinor(-5), Money::fromMinor(10)})
                         .error()
                         .code,
                 ErrorCode::Validation);
    }

    // Formatting follows the locale given, never the machine's.
    void format_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("withSymbol");
        QTest::newRow("en_US") << "en_US" << qint64(123456) << "1,234.56"
                               << "$1,234.56";
        QTest::newRow("en_US-neg") << "en_US" << qint64(-305) << "-3.05"
                                   << "-$3.05";
        QTest::newRow("es_MX") << "es_MX" << qint64(20500) << "205.00"
                               << "$205.00";
        QTest::newRow("es_MX-big") << "es_MX" << qint64(123456789) << "1,234,567.89"
                                   << "$1,234,567.89";
        QTest::newRow("es_ES") << "es_ES" << qint64(12345678) << "123.456,78"
                               << QStringLiteral("123.456,78\u00A0€");
        QTest::newRow("es_ES-cents")
                << "es_ES" << qint64(7) << "0,07" << QStringLiteral("0,07\u00A0€");
    }
    void format()
    {
        QFETCH(QString, locale);
        QFETCH(qint64, minor);
        QFETCH(QString, plain);
        QFETCH(QString, withSymbol);
        const QLocale loc(locale);
        const Money m = Money::fromMinor(minor);
        QCOMPARE(m.format(loc), plain);
        QCOMPARE(m.format(loc, CurrencySymbol::Show), withSymbol);
        // what we write, we read back
        QCOMPARE(*Money::parse(plain, loc), m);
        QCOMPARE(*Money::parse(withSymbol, loc), m);
    }

    // Parsing accepts what a cashier types and rejects what is ambiguous.
    void parse_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1 marks "must fail"
        QTest::newRow("whole") << "en_US"
                               << "12" << qint64(1200);
        QTest::newRow("one-decimal") << "en_US"
                                     << "12.5" << qint64(1250);
        QTest::newRow("spaces") << "en_US"
                                << "  7.05 " << qint64(705);
        QTest::newRow("es-comma") << "es_ES"
                                  << "12,5" << qint64(1250);
        QTest::newRow("es-grouped") << "es_ES"
                                    << "1.234,50" << qint64(123450);
        QTest::newRow("three-decimals") << "en_US"
                                        << "1.005" << qint64(-1);
        QTest::newRow("letters") << "en_US"
                                 << "12a" << qint64(-1);
        QTest::newRow("empty") << "en_US"
                               << "" << qint64(-1);
        QTest::newRow("dot-only") << "en_US"
                                  << "." << qint64(-1);
        QTest::newRow("trailing-dot") << "en_US"
                                      << "5." << qint64(-1);
        QTest::newRow("huge") << "en_US"
                              << "99999999999999999999" << qint64(-1);
    }
    void parse()
    {
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto result = Money::parse(text, QLocale(locale));
        if (expected < 0) {
            QVERIFY(!result);
            QVERIFY(!result.error().message.isEmpty());
        } else {
            POS_VERIFY_OK(result);
            QCOMPARE(result->minor(), expected);
        }
    }

    // Weighed quantities keep three decimals; whole units print without any.
    void quantity()
    {
        const QLocale es("es_MX");
        QCOMPARE(Quantity::fromMilli(1250).format(es), QStringLiteral("1.250"));
        QCOMPARE(Quantity::units(2).format(es), QStringLiteral("2"));
        QCOMPARE(Quantity::fromMilli(-500).format(QLocale("es_ES")), QStringLiteral("-0,500"));
        QCOMPARE(*Quantity::parse(QStringLiteral("1,25"), QLocale("es_ES")),
                 Quantity::fromMilli(1250));
        QCOMPARE(Quantity::parse(QStringLiteral("1.2345"), es).error().code, ErrorCode::Validation);
        QCOMPARE(Quantity::fromMilli(std::numeric_limits<qint64>::max())
                         .plus(Quantity::fromMilli(1))
                         .error()
                         .code,
                 ErrorCode::Overflow);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
