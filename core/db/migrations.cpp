// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"

#include "transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace pos {

namespace {

struct Migration
{
    QString version; // "common/0001_master"
    QString path;
};

// "0019_x.sql" is for both engines, "0019_x.postgresql.sql" and "0019_x.sqlite.sql" for
// one each: both record the version "0019_x", so a database has one history either way.
std::optional<QString> versionOf(const QString &file, Engine engine)
{
    const QString own = engine == Engine::PostgreSql ? QStringLiteral(".postgresql.sql")
                                                     : QStringLiteral(".sqlite.sql");
    const QString other = engine == Engine::PostgreSql ? QStringLiteral(".sqlite.sql")
                                                       : QStringLiteral(".postgresql.sql");
    if (file.endsWith(other)) {
        return std::nullopt;
    }
    return file.chopped(file.endsWith(own) ? own.size() : 4);
}

QList<Migration> available(Schema schema, Engine engine)
{
    QList<Migration> out;
    const QString own = schema == Schema::Hq ? QStringLiteral("hq") : QStringLiteral("store");
    for (const QString &set : {QStringLiteral("common"), own}) {
        const QDir dir(QStringLiteral(":/migrations/") + set);
        for (const QString &file :
             dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
            if (const auto version = versionOf(file, engine)) {
                out.append({set + QLatin1Char('/') + *version, dir.filePath(file)});
            }
        }
    }
    // Numbers order migrations across sets, so a store-only file can follow common ones.
    std::stable_sort(out.begin(), out.end(), [](const Migration &a, const Migration &b) {
        return a.version.section(QLatin1Char('/'), 1) < b.version.section(QLatin1Char('/'), 1);
    });
    return out;
}

// On PostgreSQL, serialises concurrent start-ups for the rest of the transaction.
Status lockMigrations(const Transaction &tx)
{
    if (tx.engine() != Engine::PostgreSql) {
        return {}; // SQLite writers are serialised by BEGIN IMMEDIATE already
    }
    auto locked = tx.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7270001)"));
    return locked ? Status() : fail(locked.error());
}

Status ensureTable(Database &database)
{
    auto tx = Transaction::begin(database);
    if (!tx) {
        return fail(tx.error());
    }
    // Under the lock: two processes creating the table at once can otherwise fail with
    // "tuple concurrently updated", which is no clean conflict.
    if (auto ok = lockMigrations(*tx); !ok) {
        return fail(ok.error());
    }
    auto created = tx->exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                           "version TEXT NOT NULL PRIMARY KEY, "
                                           "applied_at TEXT NOT NULL)"));
    if (!created) {
        return fail(created.error());
    }
    return tx->commit();
}

Result<bool> alreadyApplied(const Transaction &tx, const QString &version)
{
    auto q = tx.exec(QStringLiteral("SELECT 1 FROM schema_migrations WHERE version = ?"), {version});
    if (!q) {
        return fail(q.error());
    }
    return q->next();
}

Result<bool> applyOne(Database &database, const Migration &m, const MigrationSteps &steps)
{
    QFile file(m.path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorCode::Internal,
                    QCoreApplication::translate("pos::Database", "cannot read migration %1")
                            .arg(m.version));
    }
    const QString sql = QString::fromUtf8(file.readAll());
    auto tx = Transaction::begin(database);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto ok = lockMigrations(*tx); !ok) {
        return fail(ok.error());
    }
    auto applied = alreadyApplied(*tx, m.version);
    if (!applied || *applied) {
        return applied ? Result<bool>(false) : fail(applied.error());
    }
    for (const QString &statement : splitStatements(sql)) {
        if (auto done = tx->exec(statement); !done) {
            Error e = done.error();
            e.message = QCoreApplication::translate("pos::Database", "migration %1 failed: %2")
                                .arg(m.version, e.message);
            return fail(e);
        }
    }
    if (const auto step = steps.constFind(m.version); step != steps.cend()) {
        if (auto done = (*step)(*tx); !done) {
            return fail(done.error());
        }
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (auto recorded = tx->exec(QStringLiteral(
                                         "INSERT INTO schema_migrations (version, applied_at) "
                                         "VALUES (?, ?)"),
                                 {m.version, now});
        !recorded) {
        return fail(recorded.error());
    }
    if (auto committed = tx->commit(); !committed) {
        return fail(committed.error());
    }
    return true;
}

} // namespace

QStringList splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--"))) {
            continue;
        }
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            statements << current;
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty()) {
        statements << current.trimmed();
    }
    return statements;
}

Result<QStringList> migrate(Database &database, Schema schema, const MigrationSteps &steps)
{
    if (auto ok = ensureTable(database); !ok) {
        return fail(ok.error());
    }
    QStringList applied;
    for (const Migration &m : available(schema, database.engine())) {
        auto done = applyOne(database, m, steps);
        if (!done) {
            return fail(done.error());
        }
        if (*done) {
            qCInfo(lcDb) << "applied migration" << m.version;
            applied << m.version;
        }
    }
    return applied;
}

} // namespace pos
