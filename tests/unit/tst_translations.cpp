// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/money.h"
#include "core/base/translations.h"
#include "core/db/databaseurl.h"
#include "core/model/catalog.h"
#include "support/testsupport.h"

#include <QFile>
#include <QRegularExpression>

using namespace pos;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    // Errors from core reach a Spanish-speaking cashier in Spanish, and switch back at runtime.
    void coreErrorsSwitchLanguage()
    {
        Translations translations(*QCoreApplication::instance());
        QVERIFY(translations.setLanguage(QStringLiteral("es")));
        QCOMPARE(Money::parse(QStringLiteral("abc"), QLocale(QStringLiteral("es_MX"))).error().message,
                 QStringLiteral("no es un número"));
        QJsonObject product = json::write(Product{});
        product.insert(QStringLiteral("price"), -1);
        QCOMPARE(json::parse<Product>(product).error().message,
                 QStringLiteral("id: debe ser un UUID"));
        QCOMPARE(DatabaseUrl::parse(QStringLiteral("mysql://x")).error().message,
                 QStringLiteral("DATABASE_URL debe empezar por postgresql:// o sqlite:///"));

        QVERIFY(translations.setLanguage(QStringLiteral("en")));
        QCOMPARE(Money::parse(QStringLiteral("abc"), QLocale(QStringLiteral("es_MX"))).error().message,
                 QStringLiteral("not a number"));
    }

    // A language we do not ship is refused and the current one stays.
    void unknownLanguageKeepsCurrent()
    {
        Translations translations(*QCoreApplication::instance());
        QVERIFY(translations.setLanguage(QStringLiteral("es")));
        QVERIFY(!translations.setLanguage(QStringLiteral("xx")));
        QCOMPARE(translations.language(), QStringLiteral("es"));
    }

    // Every string in the Spanish file is translated; an untranslated one fails the build's tests.
    void spanishIsComplete()
    {
        QFile ts(QStringLiteral(POS_SOURCE_DIR "/translations/pos_es.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ts.readAll());
        QVERIFY(text.count(QStringLiteral("<source>")) > 40);
        QCOMPARE(text.count(QStringLiteral("type=\"unfinished\"")), 0);
        QCOMPARE(text.count(QStringLiteral("<translation></translation>")), 0);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
