// SPDX-License-Identifier: GPL-3.0-or-later
// The push writes rows as JSON text directly; HQ reads them with QJsonDocument. What it
// reads must be exactly what rowjson::fromSql makes of the same values. A store reads
// HQ's pages with PulledPage: what it writes must be what the QJsonValue it replaced gave.
#include "servers/common/sync/pulledpage.h"
#include "servers/common/sync/rowjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pos;

class TestRowJson : public QObject
{
    Q_OBJECT

private slots:
    void writtenValuesReadBackAsFromSql_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("boolean");
        const auto text = [](const char *name, const QString &s) {
            QTest::newRow(name) << QVariant(s) << false;
        };
        text("plain", QStringLiteral("Pan de la casa 500 g"));
        text("empty", QString(""));
        text("quotes", QStringLiteral("12\" pizza \"XL\""));
        text("backslash", QStringLiteral("C:\\till\\ \\u0041"));
        text("controls", QStringLiteral("tab\there\nline\r\x01\x1f end"));
        text("unicode", QStringLiteral("ñandú 12 € 🍞 日本"));
        text("slash", QStringLiteral("1/2 kg </script>"));
        QTest::newRow("null text") << QVariant(QMetaType(QMetaType::QString)) << false;
        QTest::newRow("null") << QVariant() << false;
        QTest::newRow("integer") << QVariant(qint64(-123456789012)) << false;
        QTest::newRow("zero") << QVariant(0) << false;
        QTest::newRow("true") << QVariant(1) << true;
        QTest::newRow("false") << QVariant(QStringLiteral("f")) << true;
        QTest::newRow("null boolean") << QVariant() << true;
        for (const auto &[name, at] :
             {std::pair{"timestamp", QDateTime(QDate(2026, 11, 28), QTime(14, 32, 5, 7), Qt::UTC)},
              std::pair{"timestamp offset",
                        QDateTime(QDate(2026, 1, 2), QTime(0, 0), Qt::OffsetFromUTC, -5 * 3600)},
              std::pair{"timestamp local", QDateTime(QDate(2025, 6, 30), QTime(23, 59, 59, 999))},
              std::pair{"year one", QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC)}}) {
            QTest::newRow(name) << QVariant(at) << false;
        }
        QTest::newRow("date") << QVariant(QDate(2026, 2, 28)) << false;
    }

    void writtenValuesReadBackAsFromSql()
    {
        QFETCH(QVariant, value);
        QFETCH(bool, boolean);
        QByteArray written = "[";
        rowjson::appendJson(written, value, boolean);
        written += ']';
        QJsonParseError error;
        const QJsonDocument read = QJsonDocument::fromJson(written, &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
                 qPrintable(error.errorString() + QStringLiteral(": ") + written));
        QCOMPARE(read.array().at(0), rowjson::fromSql(value, boolean));
    }

    void pulledPagesReadWhatWasWritten_data() { writtenValuesReadBackAsFromSql_data(); }

    // Why: a store's first pull copies each column from the page as it finds it there;
    // a value read any other way than the QJsonValue path read it (a boolean as text, an
    // escape left in) would be a wrong price or name in every store.
    void pulledPagesReadWhatWasWritten()
    {
        QFETCH(QVariant, value);
        QFETCH(bool, boolean);
        QByteArray written = R"({"more":true,"changes":[{"table":"t","row":{"v":)";
        rowjson::appendJson(written, value, boolean);
        written += "}}]}";
        const auto page = PulledPage::parse(written);
        QVERIFY2(page.has_value(), written.constData());
        QCOMPARE((*page)->changes().size(), size_t(1));
        for (const simdjson::dom::element change : (*page)->changes()) {
            const PulledPage::Element read = change.at_key("row").at_key("v");
            const QVariant expected = rowjson::toSql(rowjson::fromSql(value, boolean));
            QCOMPARE(PulledPage::toSql(read), expected);
            for (const Engine engine : {Engine::PostgreSql, Engine::Sqlite}) {
                CopyRows fromPage(engine, 1);
                PulledPage::addTo(fromPage, read);
                CopyRows fromValue(engine, 1);
                fromValue.value(expected);
                QCOMPARE(fromPage.copyText(), fromValue.copyText());
                QCOMPARE(fromPage.values(), fromValue.values());
            }
            QVERIFY(PulledPage::toSql(change.at_key("absent")).isNull());
        }
        QVERIFY((*page)->more());
    }

    // Why: a page that is not one (a proxy's error page, a cut answer) stops the pull
    // with an error; it must not be applied as a page with no changes, which would move
    // the cursor past rows never written.
    void pulledPagesRefuseWhatIsNotAPage_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << QByteArray("<html>502</html>");
        QTest::newRow("cut") << QByteArray(R"({"changes":[{"table":"products","row":{)");
        QTest::newRow("a list") << QByteArray("[]");
        QTest::newRow("no changes") << QByteArray(R"({"more":false,"next_cursor":"1"})");
        QTest::newRow("changes not a list") << QByteArray(R"({"changes":{}})");
        QTest::newRow("a change not an object") << QByteArray(R"({"changes":[1]})");
    }

    void pulledPagesRefuseWhatIsNotAPage()
    {
        QFETCH(QByteArray, json);
        const auto page = PulledPage::parse(json);
        QVERIFY(!page.has_value());
        QCOMPARE(page.error().code, ErrorCode::BadRequest);
    }

    void pulledPagesReadTheirCursor()
    {
        const auto page = PulledPage::parse(
                R"({"epoch":"e","changes":[],"next_cursor":"12:3:ab","high_water":12,)"
                R"("more":false,"resnapshot":true,"pin_key":"k"})");
        QVERIFY(page.has_value());
        QCOMPARE((*page)->nextCursor(), QStringLiteral("12:3:ab"));
        QCOMPARE((*page)->highWater(), qint64(12));
        QVERIFY(!(*page)->more());
        QVERIFY((*page)->resnapshot());
        QCOMPARE((*page)->pinKey(), QStringLiteral("k"));
        QCOMPARE((*page)->changes().size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRowJson)
#include "tst_rowjson.moc"
