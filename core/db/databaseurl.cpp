// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaseurl.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace pos {

namespace {
// Gives lupdate and QTranslator one context for this file's messages.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Database)
};
} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    DatabaseUrl out;
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("sqlite")) {
        out.engine = Engine::Sqlite;
        out.name = url.path();
        if (!url.host().isEmpty() || out.name.isEmpty() || out.name == QLatin1String("/")) {
            return fail(ErrorCode::Validation,
                        Tr::tr("DATABASE_URL for SQLite must look like sqlite:///path/to/file.db"));
        }
        return out;
    }
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres")) {
        return fail(ErrorCode::Validation,
                    Tr::tr("DATABASE_URL must start with postgresql:// or sqlite:///"));
    }
    out.engine = Engine::PostgreSql;
    out.host = url.host();
    out.port = url.port(5432);
    out.user = url.userName();
    out.password = url.password();
    out.name = url.path().mid(1);
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        options << key + QLatin1Char('=') + value;
    }
    out.options = options.join(QLatin1Char(';'));
    if (!url.isValid() || out.host.isEmpty() || out.name.isEmpty()) {
        return fail(ErrorCode::Validation, Tr::tr("DATABASE_URL for PostgreSQL must look like "
                                                  "postgresql://user:password@host:5432/database"));
    }
    return out;
}

QString DatabaseUrl::toString() const
{
    if (engine == Engine::Sqlite) {
        return QStringLiteral("sqlite://") + name;
    }
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPassword(password);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

QString DatabaseUrl::redacted() const
{
    DatabaseUrl copy = *this;
    if (!copy.password.isEmpty()) {
        copy.password = QStringLiteral("****");
    }
    return copy.toString();
}

DatabaseUrl DatabaseUrl::withName(const QString &database) const
{
    DatabaseUrl copy = *this;
    copy.name = database;
    return copy;
}

} // namespace pos
