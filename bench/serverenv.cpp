// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverenv.h"

namespace pos::bench {

QProcessEnvironment serverEnv(const QString &databaseUrl)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DATABASE_URL"), databaseUrl);
    env.insert(QStringLiteral("JWT_SECRET"), QLatin1String(kJwtSecret));
    env.insert(QStringLiteral("POS_ADMIN_PASSWORD"), QLatin1String(kAdminPassword));
    env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("STORE_ID"), QLatin1String(kStoreId));
    env.insert(QStringLiteral("STORE_CODE"), QStringLiteral("ST01"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("pos.http.info=false"));
    return env;
}

} // namespace pos::bench
