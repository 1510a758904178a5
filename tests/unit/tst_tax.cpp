// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/tax.h"
#include "support/testsupport.h"

#include <limits>

using namespace pos;
using enum CustomerTaxStatus;

Q_DECLARE_METATYPE(pos::TaxPolicy)
Q_DECLARE_METATYPE(pos::CustomerTaxStatus)
Q_DECLARE_METATYPE(QList<pos::TaxableLine>)

namespace {

TaxRule rule(const char *code, const char *percent, TaxKind kind = TaxKind::Standard,
             Compounding compounding = Compounding::Simple)
{
    return TaxRule{QString::fromLatin1(code), QString::fromLatin1(code),
                   *TaxRate::parsePercent(QString::fromLatin1(percent)), kind, compounding};
}

// The taxes the cases use, as a retailer would configure them.
const TaxRule IVA16 = rule("IVA16", "16");
const TaxRule IVA8 = rule("IVA8", "8");
const TaxRule IVA0 = rule("IVA0", "0", TaxKind::ZeroRated);
const TaxRule IVAEX = rule("IVAEX", "16", TaxKind::Exempt); // the rate of an exempt tax is unused
const TaxRule NYC = rule("NYC", "8.875");
const TaxRule NYS = rule("NYS", "4");
const TaxRule NYCL = rule("NYCL", "4.5");
const TaxRule MCTD = rule("MCTD", "0.375");
const TaxRule CA = rule("CA", "7.25");
const TaxRule ES21 = rule("ES21", "21");
const TaxRule ES10 = rule("ES10", "10");
const TaxRule ES4 = rule("ES4", "4");
const TaxRule GST = rule("GST", "5");
const TaxRule QST = rule("QST", "9.975");
const TaxRule QSTC = rule("QSTC", "9.5", TaxKind::Standard, Compounding::Compound);
const TaxRule HST = rule("HST", "13");
const TaxRule PST = rule("PST", "7");
const TaxRule GST0 = rule("GST0", "5", TaxKind::ZeroRated); // zero-rated: charged at 0 %
const TaxRule GSTEX = rule("GSTEX", "5", TaxKind::Exempt);
const TaxRule T10 = rule("T10", "10");
const TaxRule C10A = rule("C10A", "10", TaxKind::Standard, Compounding::Compound);
const TaxRule C10B = rule("C10B", "10", TaxKind::Standard, Compounding::Compound);

const TaxPolicy inclLine{PriceMode::TaxInclusive, RoundingScope::PerLine, Rounding::HalfUp};
const TaxPolicy inclLineEven{PriceMode::TaxInclusive, RoundingScope::PerLine, Rounding::HalfEven};
const TaxPolicy inclDoc{PriceMode::TaxInclusive, RoundingScope::PerDocument, Rounding::HalfUp};
const TaxPolicy exclLine{PriceMode::TaxExclusive, RoundingScope::PerLine, Rounding::HalfUp};
const TaxPolicy exclLineEven{PriceMode::TaxExclusive, RoundingScope::PerLine, Rounding::HalfEven};
const TaxPolicy exclDoc{PriceMode::TaxExclusive, RoundingScope::PerDocument, Rounding::HalfUp};
const TaxPolicy exclDocEven{PriceMode::TaxExclusive, RoundingScope::PerDocument, Rounding::HalfEven};

TaxableLine line(qint64 amount, QList<TaxRule> taxes)
{
    return TaxableLine{Money::fromMinor(amount), std::move(taxes)};
}

void addRow(const char *name, const TaxPolicy &policy, CustomerTaxStatus customer,
            const QList<TaxableLine> &lines, qint64 net, qint64 tax, qint64 gross, qint64 untaxed,
            const char *totals)
{
    QTest::newRow(name) << policy << customer << lines << net << tax << gross << untaxed
                        << QString::fromLatin1(totals);
}

QString describeTotals(const QList<TaxTotal> &totals)
{
    QStringList parts;
    for (const TaxTotal &t : totals) {
        parts << t.rule.code + QLatin1Char('=') + QString::number(t.tax.minor());
    }
    return parts.join(QLatin1Char(','));
}

} // namespace

class TestTax : public QObject
{
    Q_OBJECT

private slots:
    // Each case is worked by hand in its comment; amounts are in cents.
    void compute_data()
    {
        QTest::addColumn<TaxPolicy>("policy");
        QTest::addColumn<CustomerTaxStatus>("customer");
        QTest::addColumn<QList<TaxableLine>>("lines");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("gross");
        QTest::addColumn<qint64>("untaxed");
        QTest::addColumn<QString>("totals");

        // 116.00 / 1.16 = 100.00 net; tax 16.00
        addRow("mx-iva16-incl-116", inclLine, Taxable, {line(11600, {IVA16})}, 10000, 1600, 11600,
               0, "IVA16=1600");
        // 178.00 x 16/116 = 24.5517 -> 24.55; net 178.00 - 24.55 = 153.45
        addRow("mx-iva16-incl-cafe-x2", inclLine, Taxable, {line(17800, {IVA16})}, 15345, 2455,
               17800, 0, "IVA16=2455");
        // 27.50 x 16/116 = 3.7931 -> 3.79; net 23.71
        addRow("mx-iva16-incl-leche", inclLine, Taxable, {line(2750, {IVA16})}, 2371, 379, 2750, 0,
               "IVA16=379");
        // 1.00 x 16/116 = 0.1379 -> 0.14; net 0.86
        addRow("mx-iva16-incl-1peso", inclLine, Taxable, {line(100, {IVA16})}, 86, 14, 100, 0,
               "IVA16=14");
        // the ticket drawn in UI.md (178.00 + 30.00 less 3.00): 24.5517 -> 24.55 and 27.00 x 16/116
        // = 3.7241 -> 3.72; 28.27; net 176.73
        addRow("mx-iva16-incl-ticket-line", inclLine, Taxable,
               {line(17800, {IVA16}), line(2700, {IVA16})}, 17673, 2827, 20500, 0, "IVA16=2827");
        // 205.00 x 16/116 = 28.2759 -> 28.28 once for the document: one cent more than per line; net 176.72
        addRow("mx-iva16-incl-ticket-doc", inclDoc, Taxable,
               {line(17800, {IVA16}), line(2700, {IVA16})}, 17672, 2828, 20500, 0, "IVA16=2828");
        // 100.00 x 16 % = 16.00 added
        addRow("mx-iva16-excl", exclLine, Taxable, {line(10000, {IVA16})}, 10000, 1600, 11600, 0,
               "IVA16=1600");
        // border zone 8 %: 108.00 / 1.08 = 100.00; tax 8.00
        addRow("mx-iva8-frontera", inclLine, Taxable, {line(10800, {IVA8})}, 10000, 800, 10800, 0,
               "IVA8=800");
        // zero-rated: taxable at 0 %, listed under IVA0 with base 25.00, tax 0.00
        addRow("mx-iva0-tortilla", inclLine, Taxable, {line(2500, {IVA0})}, 2500, 0, 2500, 0,
               "IVA0=0");
        // exempt: no tax line at all; 50.00 reported as untaxed
        addRow("mx-exento", inclLine, Taxable, {line(5000, {IVAEX})}, 5000, 0, 5000, 5000, "");
        // 16.00 on the first line, 0.00 zero-rated on 20.00, 30.00 exempt; gross 166.00; net 150.00
        addRow("mx-mixed-16-0-exempt", inclLine, Taxable,
               {line(11600, {IVA16}), line(2000, {IVA0}), line(3000, {IVAEX})}, 15000, 1600, 16600,
               3000, "IVA16=1600,IVA0=0");
        // a return mirrors the sale: -116.00 -> tax -16.00, net -100.00
        addRow("mx-return-116", inclLine, Taxable, {line(-11600, {IVA16})}, -10000, -1600, -11600,
               0, "IVA16=-1600");
        // -27.50 x 16/116 = -3.7931 -> -3.79 (half away from zero)
        addRow("mx-return-leche", inclLine, Taxable, {line(-2750, {IVA16})}, -2371, -379, -2750, 0,
               "IVA16=-379");
        // exempt customer, price includes IVA: pays 116.00 / 1.16 = 100.00 with no tax
        addRow("mx-exempt-customer-incl", inclLine, Exempt, {line(11600, {IVA16})}, 10000, 0, 10000,
               10000, "");
        // exempt customer, exclusive price: 100.00 and no tax added
        addRow("mx-exempt-customer-excl", exclLine, Exempt, {line(10000, {IVA16})}, 10000, 0, 10000,
               10000, "");
        // 16.00 + (-3.79) = 12.21; gross 116.00 - 27.50 = 88.50; net 76.29
        addRow("mx-sale-and-return", inclLine, Taxable,
               {line(11600, {IVA16}), line(-2750, {IVA16})}, 7629, 1221, 8850, 0, "IVA16=1221");
        // -205.00 x 16/116 = -28.2759 -> -28.28
        addRow("mx-full-return-doc", inclDoc, Taxable,
               {line(-17800, {IVA16}), line(-2700, {IVA16})}, -17672, -2828, -20500, 0,
               "IVA16=-2828");
        // 3.7931 is not a tie: half-even also gives 3.79
        addRow("mx-incl-half-even", inclLineEven, Taxable, {line(2750, {IVA16})}, 2371, 379, 2750,
               0, "IVA16=379");
        // 100.00 x 8.875 % = 8.875 -> 8.88
        addRow("us-nyc-100", exclLine, Taxable, {line(10000, {NYC})}, 10000, 888, 10888, 0,
               "NYC=888");
        // 1.00 x 8.875 % = 0.08875 -> 0.09
        addRow("us-nyc-1", exclLine, Taxable, {line(100, {NYC})}, 100, 9, 109, 0, "NYC=9");
        // 12.00 x 8.875 % = 1.065: a tie, half-up -> 1.07
        addRow("us-nyc-tie-half-up", exclLine, Taxable, {line(1200, {NYC})}, 1200, 107, 1307, 0,
               "NYC=107");
        // 12.00 x 8.875 % = 1.065: a tie, half-even -> 1.06 (6 is even)
        addRow("us-nyc-tie-half-even", exclLineEven, Taxable, {line(1200, {NYC})}, 1200, 106, 1306,
               0, "NYC=106");
        // 0.0878625 -> 0.09, 0.1766125 -> 0.18, 0.2653625 -> 0.27; sum 0.54
        addRow("us-nyc-3-lines-per-line", exclLine, Taxable,
               {line(99, {NYC}), line(199, {NYC}), line(299, {NYC})}, 597, 54, 651, 0, "NYC=54");
        // 5.97 x 8.875 % = 0.5298375 -> 0.53: one cent less than per line
        addRow("us-nyc-3-lines-per-doc", exclDoc, Taxable,
               {line(99, {NYC}), line(199, {NYC}), line(299, {NYC})}, 597, 53, 650, 0, "NYC=53");
        // 4 % = 0.40, 4.5 % = 0.45, 0.375 % = 0.0375 -> 0.04; 0.89
        addRow("us-nyc-split-rates", exclLine, Taxable, {line(1000, {NYS, NYCL, MCTD})}, 1000, 89,
               1089, 0, "NYS=40,NYCL=45,MCTD=4");
        // 1.00: 0.04, 0.045 -> 0.05, 0.00375 -> 0.00; 0.09
        addRow("us-nyc-split-rates-1", exclLine, Taxable, {line(100, {NYS, NYCL, MCTD})}, 100, 9,
               109, 0, "NYS=4,NYCL=5,MCTD=0");
        // -100.00 x 8.875 % = -8.875 -> -8.88
        addRow("us-nyc-return", exclLine, Taxable, {line(-10000, {NYC})}, -10000, -888, -10888, 0,
               "NYC=-888");
        // 19.99 x 7.25 % = 1.449275 -> 1.45
        addRow("us-ca-725", exclLine, Taxable, {line(1999, {CA})}, 1999, 145, 2144, 0, "CA=145");
        // no tax configured: 19.99, untaxed
        addRow("us-oregon-no-tax", exclLine, Taxable, {line(1999, {})}, 1999, 0, 1999, 1999, "");
        // 1,000,000,000.00 x 8.875 % = 88,750,000.00 exactly
        addRow("us-big-amount", exclLine, Taxable, {line(100000000000, {NYC})}, 100000000000,
               8875000000, 108875000000, 0, "NYC=8875000000");
        // 121.00 / 1.21 = 100.00; IVA 21.00
        addRow("es-21-121", inclLine, Taxable, {line(12100, {ES21})}, 10000, 2100, 12100, 0,
               "ES21=2100");
        // 9.99 x 21/121 = 1.73380 -> 1.73; net 8.26
        addRow("es-21-999", inclLine, Taxable, {line(999, {ES21})}, 826, 173, 999, 0, "ES21=173");
        // 2.20 / 1.10 = 2.00; IVA 0.20
        addRow("es-10-220", inclLine, Taxable, {line(220, {ES10})}, 200, 20, 220, 0, "ES10=20");
        // 1.35 x 10/110 = 0.12273 -> 0.12; net 1.23
        addRow("es-10-135", inclLine, Taxable, {line(135, {ES10})}, 123, 12, 135, 0, "ES10=12");
        // 1.04 / 1.04 = 1.00; IVA 0.04
        addRow("es-4-104", inclLine, Taxable, {line(104, {ES4})}, 100, 4, 104, 0, "ES4=4");
        // 0.89 x 4/104 = 0.03423 -> 0.03; net 0.86
        addRow("es-4-089", inclLine, Taxable, {line(89, {ES4})}, 86, 3, 89, 0, "ES4=3");
        // 1.73 + 0.12 + 0.03 = 1.88; gross 12.23; net 10.35
        addRow("es-three-rates", inclLine, Taxable,
               {line(999, {ES21}), line(135, {ES10}), line(89, {ES4})}, 1035, 188, 1223, 0,
               "ES21=173,ES10=12,ES4=3");
        // one line per rate: rounding per document changes nothing
        addRow("es-three-rates-doc", inclDoc, Taxable,
               {line(999, {ES21}), line(135, {ES10}), line(89, {ES4})}, 1035, 188, 1223, 0,
               "ES21=173,ES10=12,ES4=3");
        // business price without IVA: 100.00 + 21.00
        addRow("es-21-excl-b2b", exclLine, Taxable, {line(10000, {ES21})}, 10000, 2100, 12100, 0,
               "ES21=2100");
        // 0.99 x 21/121 = 0.171818 -> 0.17, three times: 0.51; net 2.97 - 0.51 = 2.46
        addRow("es-3x099-per-line", inclLine, Taxable,
               {line(99, {ES21}), line(99, {ES21}), line(99, {ES21})}, 246, 51, 297, 0, "ES21=51");
        // 2.97 x 21/121 = 0.515455 -> 0.52 once: one cent more than per line; net 2.45
        addRow("es-3x099-per-doc", inclDoc, Taxable,
               {line(99, {ES21}), line(99, {ES21}), line(99, {ES21})}, 245, 52, 297, 0, "ES21=52");
        // 0.50 x 21 % = 0.105: tie, half-up -> 0.11
        addRow("es-tie-half-up", exclLine, Taxable, {line(50, {ES21})}, 50, 11, 61, 0, "ES21=11");
        // 0.50 x 21 % = 0.105: tie, half-even -> 0.10 (0 is even)
        addRow("es-tie-half-even", exclLineEven, Taxable, {line(50, {ES21})}, 50, 10, 60, 0,
               "ES21=10");
        // 1.50 x 21 % = 0.315: tie, half-even -> 0.32 (31 is odd)
        addRow("es-tie-half-even-odd", exclLineEven, Taxable, {line(150, {ES21})}, 150, 32, 182, 0,
               "ES21=32");
        // -0.105 -> -0.11: half away from zero mirrors the sale
        addRow("es-neg-tie-half-up", exclLine, Taxable, {line(-50, {ES21})}, -50, -11, -61, 0,
               "ES21=-11");
        // -0.105 -> -0.10 half-even
        addRow("es-neg-tie-half-even", exclLineEven, Taxable, {line(-50, {ES21})}, -50, -10, -60, 0,
               "ES21=-10");
        // per line 0.10 + 0.10 = 0.20; per document 1.00 x 21 % = 0.21 exactly
        addRow("es-half-even-per-doc", exclDocEven, Taxable, {line(50, {ES21}), line(50, {ES21})},
               100, 21, 121, 0, "ES21=21");
        // each 0.105 -> 0.10 half-even; 0.20
        addRow("es-half-even-per-line", exclLineEven, Taxable, {line(50, {ES21}), line(50, {ES21})},
               100, 20, 120, 0, "ES21=20");
        // -9.99 mirrors 9.99: tax -1.73, net -8.26
        addRow("es-return-999", inclLine, Taxable, {line(-999, {ES21})}, -826, -173, -999, 0,
               "ES21=-173");
        // 1.73380 is not a tie: half-even also 1.73
        addRow("es-incl-half-even", inclLineEven, Taxable, {line(999, {ES21})}, 826, 173, 999, 0,
               "ES21=173");
        // GST 5.00; QST 100.00 x 9.975 % = 9.975 -> 9.98; 14.98
        addRow("ca-qc-100", exclLine, Taxable, {line(10000, {GST, QST})}, 10000, 1498, 11498, 0,
               "GST=500,QST=998");
        // GST 0.50; QST 0.9975 -> 1.00; 11.50
        addRow("ca-qc-10", exclLine, Taxable, {line(1000, {GST, QST})}, 1000, 150, 1150, 0,
               "GST=50,QST=100");
        // GST 0.0995 -> 0.10; QST 0.1985 -> 0.20; 2.29
        addRow("ca-qc-199", exclLine, Taxable, {line(199, {GST, QST})}, 199, 30, 229, 0,
               "GST=10,QST=20");
        // GST 0.0495->0.05, 0.0745->0.07, 0.1245->0.12 = 0.24; QST 0.0988->0.10, 0.1486->0.15,
        // 0.2484->0.25 = 0.50; 0.74
        addRow("ca-qc-3-lines-per-line", exclLine, Taxable,
               {line(99, {GST, QST}), line(149, {GST, QST}), line(249, {GST, QST})}, 497, 74, 571,
               0, "GST=24,QST=50");
        // 4.97 x 5 % = 0.2485 -> 0.25; 4.97 x 9.975 % = 0.4958 -> 0.50; 0.75: one cent more than per line
        addRow("ca-qc-3-lines-per-doc", exclDoc, Taxable,
               {line(99, {GST, QST}), line(149, {GST, QST}), line(249, {GST, QST})}, 497, 75, 572,
               0, "GST=25,QST=50");
        // 2012 rules: GST 5.00; QST 9.5 % on 105.00 = 9.975 -> 9.98 (9.5 % x 1.05 = 9.975 %)
        addRow("ca-qc-2012-compound-100", exclLine, Taxable, {line(10000, {GST, QSTC})}, 10000,
               1498, 11498, 0, "GST=500,QSTC=998");
        // GST 0.50; QST 9.5 % of 10.50 = 0.9975 -> 1.00
        addRow("ca-qc-2012-compound-10", exclLine, Taxable, {line(1000, {GST, QSTC})}, 1000, 150,
               1150, 0, "GST=50,QSTC=100");
        // net 114.98 / 1.14975 = 100.0043; GST 5.0002 -> 5.00; QST 9.9754 -> 9.98
        addRow("ca-qc-incl", inclLine, Taxable, {line(11498, {GST, QST})}, 10000, 1498, 11498, 0,
               "GST=500,QST=998");
        // factor 1.05 x 1.095 = 1.14975, as the simple case: GST 5.00, QST 9.98
        addRow("ca-qc-2012-compound-incl", inclLine, Taxable, {line(11498, {GST, QSTC})}, 10000,
               1498, 11498, 0, "GST=500,QSTC=998");
        // Ontario HST 13 % of 10.00 = 1.30
        addRow("ca-on-hst", exclLine, Taxable, {line(1000, {HST})}, 1000, 130, 1130, 0, "HST=130");
        // GST 1.2495 -> 1.25; PST 7 % = 1.7493 -> 1.75; 3.00
        addRow("ca-bc-gst-pst", exclLine, Taxable, {line(2499, {GST, PST})}, 2499, 300, 2799, 0,
               "GST=125,PST=175");
        // basic groceries are zero-rated: GST0 line with base 5.00, no tax
        addRow("ca-zero-rated-groceries", exclLine, Taxable, {line(500, {GST0})}, 500, 0, 500, 0,
               "GST0=0");
        // exempt customer: no GST, no QST
        addRow("ca-exempt-customer", exclLine, Exempt, {line(10000, {GST, QST})}, 10000, 0, 10000,
               10000, "");
        // exempt from GST, QST 0.9975 -> 1.00 still charged
        addRow("ca-exempt-from-one", exclLine, Taxable, {line(1000, {GSTEX, QST})}, 1000, 100, 1100,
               0, "QST=100");
        // a free line: 0.00 taxed at 16 % is 0.00
        addRow("zero-line", exclLine, Taxable, {line(0, {IVA16})}, 0, 0, 0, 0, "IVA16=0");
        // simple 10 % = 10.00; compound A 10 % of 110.00 = 11.00; B 10 % of 121.00 = 12.10; 33.10
        addRow("compound-chain", exclLine, Taxable, {line(10000, {T10, C10A, C10B})}, 10000, 3310,
               13310, 0, "T10=1000,C10A=1100,C10B=1210");
        // 133.10 / (1.1 x 1.1 x 1.1) = 100.00, then as above
        addRow("compound-chain-incl", inclLine, Taxable, {line(13310, {T10, C10A, C10B})}, 10000,
               3310, 13310, 0, "T10=1000,C10A=1100,C10B=1210");
        // no lines: everything zero
        addRow("empty-document", exclLine, Taxable, {}, 0, 0, 0, 0, "");
        // ES21 over both lines: 19.98 x 21/121 = 3.46760 -> 3.47; ES10 1.35 x 10/110 = 0.1227 ->
        // 0.12; 3.59; net 21.33 - 3.59 = 17.74
        addRow("per-doc-incl-mixed", inclDoc, Taxable,
               {line(999, {ES21}), line(999, {ES21}), line(135, {ES10})}, 1774, 359, 2133, 0,
               "ES21=347,ES10=12");
    }
    void compute()
    {
        QFETCH(TaxPolicy, policy);
        QFETCH(CustomerTaxStatus, customer);
        QFETCH(QList<TaxableLine>, lines);
        const auto result = computeTaxes(lines, policy, customer);
        POS_VERIFY_OK(result);
        QTEST(result->net.minor(), "net");
        QTEST(result->tax.minor(), "tax");
        QTEST(result->gross.minor(), "gross");
        QTEST(result->untaxedBase.minor(), "untaxed");
        QTEST(describeTotals(result->totals), "totals");
        // Whatever the scope, the document balances: net + tax = gross.
        QCOMPARE(result->net.minor() + result->tax.minor(), result->gross.minor());
        QCOMPARE(result->lines.size(), lines.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const LineTaxes &l = result->lines[i];
            QCOMPARE(l.net.minor() + l.tax.minor(), l.gross.minor());
        }
    }

    // Per-line rounding must make the receipt's lines add up to its totals exactly.
    void perLineTotalsAreSumsOfLines()
    {
        const QList<TaxableLine> lines{line(999, {ES21}), line(135, {ES10}), line(-89, {ES4}),
                                       line(4321, {GST, QST})};
        const auto result = computeTaxes(lines, exclLine);
        POS_VERIFY_OK(result);
        qint64 tax = 0;
        for (const LineTaxes &l : result->lines) {
            tax += l.tax.minor();
        }
        QCOMPARE(result->tax.minor(), tax);
    }

    // Zero-rated goods are reported in their tax's base; exempt goods are not.
    void zeroRatedVersusExemptBases()
    {
        const auto zero = computeTaxes({line(1000, {IVA0})}, exclLine);
        POS_VERIFY_OK(zero);
        QCOMPARE(zero->totals.size(), 1);
        QCOMPARE(zero->totals[0].base, Money::fromMinor(1000));
        QCOMPARE(zero->untaxedBase, Money());

        const auto exempt = computeTaxes({line(1000, {IVAEX})}, exclLine);
        POS_VERIFY_OK(exempt);
        QVERIFY(exempt->totals.isEmpty());
        QCOMPARE(exempt->untaxedBase, Money::fromMinor(1000));
    }

    // An amount that would overflow is refused, never wrapped into a wrong total.
    void overflowIsAnError()
    {
        const qint64 max = std::numeric_limits<qint64>::max();
        const auto one = computeTaxes({line(max, {IVA16})}, exclLine);
        QVERIFY(!one);
        QCOMPARE(one.error().code, ErrorCode::Overflow);
        const auto two = computeTaxes({line(max / 2 + 1, {}), line(max / 2 + 1, {})}, exclLine);
        QVERIFY(!two);
        QCOMPARE(two.error().code, ErrorCode::Overflow);
    }

    // Rates stay exact from text to units and back.
    void ratesAreExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("units");
        QTest::newRow("16") << "16" << qint64(1600000);
        QTest::newRow("qst") << "9.975" << qint64(997500);
        QTest::newRow("nyc") << "8.875" << qint64(887500);
        QTest::newRow("mctd") << "0.375" << qint64(37500);
        QTest::newRow("finest") << "0.00001" << qint64(1);
        QTest::newRow("zero") << "0" << qint64(0);
    }
    void ratesAreExact()
    {
        QFETCH(QString, text);
        QFETCH(qint64, units);
        const auto rate = TaxRate::parsePercent(text);
        POS_VERIFY_OK(rate);
        QCOMPARE(rate->milliBasisPoints(), units);
        QCOMPARE(rate->toPercentString(), text);
        QCOMPARE(TaxRate::fromBasisPoints(1600).milliBasisPoints(), qint64(1600000));
    }

    // A rate we cannot hold exactly, or that makes no sense, is refused.
    void ratesRejected()
    {
        for (const char *bad : {"-1", "abc", "9.999999", "1000.1", "", "1e3"}) {
            QVERIFY2(!TaxRate::parsePercent(QString::fromLatin1(bad)), bad);
        }
    }
};

QTEST_GUILESS_MAIN(TestTax)
#include "tst_tax.moc"
