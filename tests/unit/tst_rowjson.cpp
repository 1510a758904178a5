// SPDX-License-Identifier: GPL-3.0-or-later
// The push writes rows as JSON text directly; HQ reads them with QJsonDocument. What it
// reads must be exactly what rowjson::fromSql makes of the same values.
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
};

QTEST_GUILESS_MAIN(TestRowJson)
#include "tst_rowjson.moc"
