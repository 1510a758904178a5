// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"

#include <QString>

namespace pos {

enum class Engine { PostgreSql, Sqlite };

// DATABASE_URL parsed: postgresql://user:pass@host:port/db or sqlite:///path/file.db.
struct DatabaseUrl
{
    Engine engine = Engine::Sqlite;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;    // database name, or the SQLite file path
    QString options; // PostgreSQL connection options from the query string

    static Result<DatabaseUrl> parse(const QString &url);
    // The URL with the password masked, fit for logs.
    QString redacted() const;
    // The same server with another database name (tests create throw-away databases).
    DatabaseUrl withName(const QString &database) const;
    QString toString() const;
};

} // namespace pos
