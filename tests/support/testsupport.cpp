// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <QDir>
#include <QLocale>

namespace pos {

char *toString(const Money &money)
{
    return QTest::toString(money.format(QLocale::c()));
}

char *toString(const Quantity &quantity)
{
    return QTest::toString(quantity.format(QLocale::c()));
}

char *toString(const Error &error)
{
    return QTest::toString(errorCodeName(error.code) + QStringLiteral(": ") + error.message);
}

} // namespace pos

namespace pos::test {

QString outputDir(const QString &sub)
{
    QString root = qEnvironmentVariable("POS_TEST_OUTPUT");
    if (root.isEmpty()) {
        root = QDir::tempPath() + QStringLiteral("/pos-test-output");
    }
    const QString path = root + QLatin1Char('/') + sub;
    QDir().mkpath(path);
    return path;
}

} // namespace pos::test
