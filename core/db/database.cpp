// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "copyrows.h"

#include <optional>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUuid>

#include <memory>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcDb, "pos.db")

namespace pos {

namespace {

// How long a SQLite writer waits for the one before it, in SQLite and in waitToWrite().
constexpr int kSqliteBusyMs = 10000;

// Gives lupdate and QTranslator one context for this file's messages.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Database)
};

// A failing statement as the debug log shows it: its start and its length. A bulk
// insert or a COPY's statement runs to megabytes.
QString excerpt(const QString &sql)
{
    constexpr qsizetype kShown = 300;
    return sql.size() <= kShown
                   ? sql
                   : sql.left(kShown) + QStringLiteral("… (%1 characters)").arg(sql.size());
}

void removeConnection(const QString &name)
{
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_prefix(QStringLiteral("pos-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
{}

Database::~Database()
{
    const QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_names)) {
        removeConnection(name);
    }
}

Result<std::unique_ptr<Database>> Database::open(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed) {
        return fail(parsed.error());
    }
    auto db = std::make_unique<Database>(*parsed);
    auto connection = db->connection();
    if (!connection) {
        return fail(connection.error());
    }
    return db;
}

void Database::forgetThread(QThread *thread, const QString &name)
{
    removeConnection(name);
    const QMutexLocker lock(&m_mutex);
    m_names.remove(thread);
}

std::unique_lock<std::recursive_timed_mutex> Database::waitToWrite()
{
    std::unique_lock lock(m_writer, std::defer_lock);
    // On timeout the caller goes on unlocked and SQLite's busy handler decides: another
    // process may hold the file, and its error says so better than ours would.
    (void)lock.try_lock_for(std::chrono::milliseconds(kSqliteBusyMs));
    return lock;
}

Result<QSqlDatabase> Database::connection()
{
    QThread *thread = QThread::currentThread();
    if (thread == nullptr) { // only during process teardown
        return fail(ErrorCode::Unavailable, Tr::tr("the database is not reachable"));
    }
    QString name;
    {
        const QMutexLocker lock(&m_mutex);
        name = m_names.value(thread);
        if (name.isEmpty()) {
            name = m_prefix + QStringLiteral("-%1").arg(m_names.size() + 1);
            m_names.insert(thread, name);
            // Close the connection on the thread that used it, as that thread ends.
            QObject::connect(
                    thread, &QThread::finished, &m_context,
                    [this, thread, name] { forgetThread(thread, name); }, Qt::DirectConnection);
        }
    }
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen()) {
            return existing;
        }
        QSqlDatabase::removeDatabase(name);
    }
    const bool postgres = m_url.engine == Engine::PostgreSql;
    QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL")
                                                         : QStringLiteral("QSQLITE"),
                                                name);
    db.setDatabaseName(m_url.name);
    if (postgres) {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setConnectOptions(m_url.options.isEmpty() ? QStringLiteral("connect_timeout=5")
                                                     : m_url.options);
    } else {
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kSqliteBusyMs));
    }
    if (!db.open()) {
        qCWarning(lcDb) << "cannot open" << m_url.redacted() << db.lastError().text();
        return fail(ErrorCode::Unavailable, Tr::tr("cannot open the database %1: %2")
                                                    .arg(m_url.redacted(), db.lastError().text()));
    }
    if (auto ok = configure(db); !ok) {
        return fail(ok.error());
    }
    return db;
}

Status Database::configure(QSqlDatabase &db) const
{
    const QStringList statements
            = m_url.engine == Engine::PostgreSql
                      ? QStringList{QStringLiteral("SET TIME ZONE 'UTC'")}
                      // WAL lets tills read while a sale commits; synchronous=FULL because a sale
                      // acknowledged to the cashier must survive a power cut.
                      : QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                                    QStringLiteral("PRAGMA synchronous=FULL"),
                                    QStringLiteral("PRAGMA foreign_keys=ON")};
    for (const QString &sql : statements) {
        auto q = exec(db, sql);
        if (!q) {
            return fail(q.error());
        }
    }
    return {};
}

namespace {

// One value as an SQL literal. Text is quoted with its quotes doubled, which is the whole
// of escaping in SQLite and in PostgreSQL with standard_conforming_strings (on since
// PostgreSQL 9.1, and our servers never turn it off); an untyped quoted literal takes the
// type its column needs. Only bytes are written differently.
QString literal(const QVariant &v, bool postgres)
{
    if (v.isNull()) {
        return v.typeId() == QMetaType::QString ? QStringLiteral("''") : QStringLiteral("NULL");
    }
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return valueText(v);
    case QMetaType::QByteArray:
        return (postgres ? QStringLiteral("'\\x") : QStringLiteral("X'"))
               + QString::fromLatin1(v.toByteArray().toHex()) + QLatin1Char('\'');
    default:
        return QLatin1Char('\'') + valueText(v).replace(u'\'', QStringLiteral("''"))
               + QLatin1Char('\'');
    }
}

// The statement with each ? placeholder outside quoted literals replaced by
// `replacement(n)` (n from 0), or nothing when `count` is given and differs.
template<typename Replace>
std::optional<QString> replacePlaceholders(const QString &sql, qsizetype count, Replace replacement)
{
    QString out;
    out.reserve(sql.size() + 40 * count);
    qsizetype next = 0;
    bool quoted = false;
    for (const QChar c : sql) {
        if (c == u'\'') {
            quoted = !quoted;
        }
        if (c != u'?' || quoted) {
            out += c;
            continue;
        }
        if (next >= count) {
            return std::nullopt;
        }
        out += replacement(next++);
    }
    return next == count ? std::optional<QString>(out) : std::nullopt;
}

// The statements one PostgreSQL connection keeps prepared, by text: the name to EXECUTE,
// or an empty name for text PostgreSQL would not prepare. A child of the connection's
// driver, so it ends with the session its statements live in.
class PreparedStatements : public QObject
{
public:
    using QObject::QObject;
    QHash<QString, QString> names;
    int made = 0;

    static PreparedStatements &of(const QSqlDatabase &db)
    {
        QSqlDriver *driver = db.driver();
        for (QObject *child : driver->children()) {
            if (auto *found = dynamic_cast<PreparedStatements *>(child)) {
                return *found;
            }
        }
        return *new PreparedStatements(driver);
    }
};

// libpq's connection under Qt's PostgreSQL driver; null on SQLite.
PGconn *libpqHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    return qstrcmp(handle.typeName(), "pg_conn*") == 0 // libpq's struct name
                   ? *static_cast<PGconn *const *>(handle.constData())
                   : nullptr;
}

// Reads and drops whatever result Qt's driver left unread on the connection (it reads a
// result set as it goes): the next statement would drop it anyway, and until then libpq
// reports the connection busy rather than in or out of a transaction.
void dropUnread(PGconn *conn)
{
    while (PGresult *left = PQgetResult(conn)) {
        PQclear(left);
    }
}

// Whether the connection is inside a transaction block.
bool inTransaction(const QSqlDatabase &db)
{
    PGconn *conn = libpqHandle(db);
    if (conn == nullptr) {
        return false;
    }
    dropUnread(conn);
    const PGTransactionStatusType status = PQtransactionStatus(conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &text, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(text)) {
        qCDebug(lcDb) << "exec failed:" << query.lastError().text() << excerpt(sql);
        return fail(sqlError(query.lastError()));
    }
    return query;
}

// Prepares `sql` on this connection once, under a new name. A statement PostgreSQL cannot
// prepare (a parameter whose type nothing implies) gets an empty name and runs with its
// values inlined; inside a transaction the attempt is wrapped in a savepoint, so that
// failure does not abort the caller's transaction.
QString preparedName(const QSqlDatabase &db, const QString &sql, qsizetype count)
{
    PreparedStatements &cache = PreparedStatements::of(db);
    if (cache.names.contains(sql)) {
        return cache.names.value(sql);
    }
    // Bounded: statements with varying text (IN lists of any length) would grow it
    // without end. Starting over costs one round trip and a fresh plan per statement, and
    // waits until no transaction is open: its queued writes may name statements by name.
    constexpr qsizetype kMostStatements = 400;
    if (cache.names.size() >= kMostStatements) {
        if (inTransaction(db) || !run(db, QStringLiteral("DEALLOCATE ALL"), {})) {
            return {};
        }
        cache.names.clear();
    }
    const std::optional<QString> body = replacePlaceholders(sql, count, [](qsizetype n) {
        return QStringLiteral("$%1").arg(n + 1);
    });
    if (!body) {
        return {}; // the wrong number of values: the caller reports it
    }
    const QString name = QStringLiteral("pos_%1").arg(++cache.made);
    const bool guarded = inTransaction(db);
    if (guarded && !run(db, QStringLiteral("SAVEPOINT pos_prepare"), {})) {
        return {};
    }
    const bool prepared = run(db, QStringLiteral("PREPARE %1 AS %2").arg(name, *body), sql)
                                  .has_value();
    if (guarded) {
        // Failing here leaves the caller's transaction broken, and its next statement says so.
        if (auto ended = run(db,
                             prepared ? QStringLiteral("RELEASE SAVEPOINT pos_prepare")
                                      : QStringLiteral("ROLLBACK TO SAVEPOINT pos_prepare"),
                             {});
            !ended) {
            qCWarning(lcDb) << "savepoint after PREPARE:" << ended.error().details;
        }
    }
    cache.names.insert(sql, prepared ? name : QString());
    return prepared ? name : QString();
}

} // namespace

Result<QString> statementText(const QSqlDatabase &db, const QString &sql,
                              const QVariantList &values, Plan plan)
{
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    // Without values only a SELECT is worth preparing (a scan reads the barcode rules
    // this way); the others are transaction control and DDL, which PREPARE refuses.
    if (values.isEmpty()
        && !(postgres && plan == Plan::Reuse
             && sql.startsWith(QLatin1String("SELECT "), Qt::CaseInsensitive))) {
        return sql;
    }
    const auto literalAt = [&](qsizetype n) {
        return literal(values.at(n), postgres);
    };
    // QPSQL would bind values with PREPARE, EXECUTE and DEALLOCATE: three round trips per
    // statement, which tripled the time of a sale. QSQLITE looks each value's placeholder
    // up by number, a walk along the statement's list, so a multi-row insert of a few
    // thousand values spent most of its time there. The values go into the statement text
    // as literals instead: one round trip, no lookups.
    //
    // On PostgreSQL a statement of up to kMostPrepared values is also prepared once per
    // connection and then run as EXECUTE with those literals: parsing, analysing and
    // planning the same text on every call was a third of the server's time in a sale.
    // Bulk inserts stay unprepared: their text rarely repeats.
    constexpr qsizetype kMostPrepared = 256;
    const QString name = postgres && plan == Plan::Reuse && values.size() <= kMostPrepared
                                 ? preparedName(db, sql, values.size())
                                 : QString();
    std::optional<QString> text;
    if (name.isEmpty()) {
        text = values.isEmpty() ? sql : replacePlaceholders(sql, values.size(), literalAt);
    } else if (values.isEmpty()) {
        text = QStringLiteral("EXECUTE %1").arg(name);
    } else {
        QStringList args;
        for (qsizetype n = 0; n < values.size(); ++n) {
            args << literalAt(n);
        }
        text = QStringLiteral("EXECUTE %1 (%2)").arg(name, args.join(QStringLiteral(", ")));
    }
    if (!text) {
        return fail(ErrorCode::Internal, QStringLiteral("%1 values for the placeholders of: %2")
                                                 .arg(values.size())
                                                 .arg(sql));
    }
    return *text;
}

Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values,
                       Plan plan)
{
    auto text = statementText(db, sql, values, plan);
    return text ? run(db, *text, sql) : Result<QSqlQuery>(fail(text.error()));
}

namespace {

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// A failed PostgreSQL answer (or none, when the connection broke) as our Error.
Error resultError(PGconn *conn, const PGresult *result, const QString &context)
{
    const auto field = [&](int code) {
        return result ? QString::fromUtf8(PQresultErrorField(result, code)) : QString();
    };
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    const QString message = result ? field(PG_DIAG_MESSAGE_PRIMARY)
                                   : QString::fromUtf8(PQerrorMessage(conn));
    qCDebug(lcDb) << "failed:" << message << excerpt(context);
    return sqlError(QSqlError(QString(), message,
                              lost ? QSqlError::ConnectionError : QSqlError::StatementError,
                              field(PG_DIAG_SQLSTATE)));
}

bool succeeded(const PGresult *result)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// SQLite's side of copyRows: multi-row INSERTs of a few hundred rows each.
Status insertInChunks(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                      const QVariantList &values)
{
    const qsizetype width = columns.size();
    const QString row = QStringLiteral("(?") + QStringLiteral(", ?").repeated(width - 1)
                        + QLatin1Char(')');
    constexpr qsizetype kRows = 500;
    for (qsizetype at = 0; at < values.size(); at += kRows * width) {
        const QVariantList chunk = values.mid(at, kRows * width);
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                    .arg(table, columns.join(QStringLiteral(", ")), row)
                            + (QStringLiteral(", ") + row).repeated(chunk.size() / width - 1);
        if (auto q = exec(db, sql, chunk); !q) {
            return fail(q.error());
        }
    }
    return {};
}

// Sends COPY's rows in pieces of about this size: big enough that the calls cost nothing,
// small enough for the server to start on them while the rest is on its way.
constexpr qsizetype kCopyPiece = 256 << 10;

Status putCopyData(PGconn *conn, QByteArrayView rows)
{
    for (qsizetype at = 0; at < rows.size(); at += kCopyPiece) {
        const QByteArrayView piece = rows.sliced(at, std::min(kCopyPiece, rows.size() - at));
        if (PQputCopyData(conn, piece.data(), static_cast<int>(piece.size())) != 1) {
            return fail(resultError(conn, nullptr, QStringLiteral("COPY data")));
        }
    }
    return {};
}

Status wrongWidth(const QString &table, qsizetype width)
{
    return fail(ErrorCode::Internal,
                QStringLiteral("rows for %1 not of its %2 columns").arg(table).arg(width));
}

} // namespace

Status execTexts(const QSqlDatabase &db, const QStringList &texts)
{
    PGconn *conn = libpqHandle(db);
    if (conn == nullptr) { // SQLite: no round trips to save
        for (const QString &text : texts) {
            if (auto q = run(db, text, text); !q) {
                return fail(q.error());
            }
        }
        return {};
    }
    dropUnread(conn);
    // A multi-statement simple query runs its statements in order and stops at the first
    // failure, whose error is the answer (Qt's driver would report the first result only).
    // The separator starts on a new line so that a statement ending in a -- comment
    // cannot swallow it.
    const QString joined = texts.join(QStringLiteral("\n;\n"));
    const PgResult result(PQexec(conn, joined.toUtf8().constData()), &PQclear);
    if (!succeeded(result.get())) {
        return fail(resultError(conn, result.get(), joined));
    }
    // PostgreSQL answers the COMMIT of a transaction that failed earlier (a statement whose
    // error its caller went past) with ROLLBACK and no error: without this check, a sale
    // would be reported saved with nothing written.
    if (texts.last() == QLatin1String("COMMIT")
        && qstrcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0) {
        return fail(ErrorCode::Internal,
                    Tr::tr("a statement of the transaction had failed; nothing was saved"));
    }
    return {};
}

Status copyRows(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                const QVariantList &values)
{
    if (values.isEmpty()) {
        return {};
    }
    if (columns.isEmpty() || values.size() % columns.size() != 0) {
        return wrongWidth(table, columns.size());
    }
    if (libpqHandle(db) == nullptr) {
        return insertInChunks(db, table, columns, values);
    }
    CopyRows rows(Engine::PostgreSql, columns.size());
    for (const QVariant &v : values) {
        rows.value(v);
    }
    return copyRows(db, table, columns, rows);
}

Status copyRows(const QSqlDatabase &db, const QString &table, const QStringList &columns,
                const CopyRows &rows)
{
    if (columns.isEmpty() || rows.width() != columns.size() || !rows.isWhole()) {
        return wrongWidth(table, columns.size());
    }
    if (rows.isEmpty()) {
        return {};
    }
    PGconn *conn = libpqHandle(db);
    if (conn == nullptr || rows.engine() != Engine::PostgreSql) {
        return conn == nullptr && rows.engine() == Engine::Sqlite
                       ? insertInChunks(db, table, columns, rows.values())
                       : fail(ErrorCode::Internal,
                              QStringLiteral("rows for %1 made for the other engine").arg(table));
    }
    dropUnread(conn);
    const QString head = QStringLiteral("COPY %1 (%2) FROM STDIN")
                                 .arg(table, columns.join(QStringLiteral(", ")));
    {
        const PgResult started(PQexec(conn, head.toUtf8().constData()), &PQclear);
        if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
            return fail(resultError(conn, started.get(), head));
        }
    }
    const Status sent = putCopyData(conn, rows.copyText());
    // Ending the COPY with an error message makes the server refuse it, so a failure while
    // sending never leaves half the rows in.
    PQputCopyEnd(conn, sent ? nullptr : "the rows could not be sent");
    const PgResult done(PQgetResult(conn), &PQclear);
    dropUnread(conn);
    if (!sent) {
        return sent;
    }
    return succeeded(done.get()) ? Status() : fail(resultError(conn, done.get(), head));
}

Error sqlError(const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    const QString text = error.databaseText();
    // PostgreSQL reports SQLSTATE codes; SQLite reports its message text.
    if (native == QLatin1String("23505") || text.contains(QLatin1String("UNIQUE constraint"))) {
        return Error{ErrorCode::Conflict,
                     Tr::tr("a record with the same key already exists"),
                     {text}};
    }
    if (native == QLatin1String("23503") || text.contains(QLatin1String("FOREIGN KEY"))) {
        return Error{ErrorCode::Validation,
                     Tr::tr("refers to a record that does not exist"),
                     {text}};
    }
    if (native == QLatin1String("23514") || native == QLatin1String("23502")
        || text.contains(QLatin1String("CHECK constraint"))
        || text.contains(QLatin1String("NOT NULL constraint"))) {
        return Error{ErrorCode::Validation, Tr::tr("a value is missing or out of range"), {text}};
    }
    if (error.type() == QSqlError::ConnectionError || native.startsWith(QLatin1String("08"))
        || text.contains(QLatin1String("database is locked"))) {
        return Error{ErrorCode::Unavailable, Tr::tr("the database is not reachable"), {text}};
    }
    return Error{ErrorCode::Internal, Tr::tr("database error"), {text}};
}

} // namespace pos
