// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogdata.h"

#include "serverenv.h"
#include "support/records.h"

#include "core/base/barcode.h"
#include "core/base/recordid.h"
#include "core/db/transaction.h"
#include "servers/common/catalog/catalogservice.h"
#include "servers/common/migrationsteps.h"
#include "servers/common/sync/masterversion.h"

namespace pos::bench {

namespace {

const QStringList kNouns{"arroz",  "frijol",   "aceite", "leche", "galleta", "jabon", "cafe",
                         "azucar", "harina",   "atun",   "salsa", "queso",   "yogur", "pan",
                         "jugo",   "refresco", "cereal", "pasta", "sopa",    "chile"};
const QStringList kKinds{"integral", "light", "clasico", "natural",  "premium",
                         "familiar", "chico", "grande",  "organico", "casero"};

QString uuidFor(const char *kind, int i)
{
    return QUuid::createUuidV5(QUuid(QStringLiteral("6f1c3a52-0000-4000-8000-00000000b0b0")),
                               QStringLiteral("%1-%2").arg(QLatin1String(kind)).arg(i))
            .toString(QUuid::WithoutBraces);
}

Status exec(const Transaction &tx, const QString &sql, const QVariantList &values)
{
    auto q = tx.exec(sql, values);
    return q ? Status{} : Status(fail(q.error()));
}

Result<Catalog> seedMasters(Database &db)
{
    Catalog c{uuidFor("tax", 0), uuidFor("tender", 0), uuidFor("tender", 1), {}};
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    Status ok = exec(*tx,
                     QStringLiteral("INSERT INTO taxes (id, code, name, rate_milli_bp, kind, "
                                    "compound, active) VALUES (?, 'IVA0', 'IVA 0 %', 0, "
                                    "'zero_rated', FALSE, TRUE)"),
                     {c.taxId});
    for (const auto &[id, code, kind] :
         {std::tuple{c.cashId, "CASH", "cash"}, std::tuple{c.cardId, "CARD", "card"}}) {
        ok = ok ? exec(*tx,
                       QStringLiteral("INSERT INTO tenders (id, code, name, kind, opens_drawer, "
                                      "gives_change, active) VALUES (?, ?, ?, ?, ?, ?, TRUE)"),
                       {id, QLatin1String(code), QLatin1String(code), QLatin1String(kind),
                        QLatin1String(kind) == QLatin1String("cash"),
                        QLatin1String(kind) == QLatin1String("cash")})
                : ok;
    }
    for (int d = 0; ok && d < 10; ++d) {
        c.departmentIds << uuidFor("department", d);
        ok = exec(*tx,
                  QStringLiteral("INSERT INTO departments (id, code, name, active) VALUES (?, ?, "
                                 "?, TRUE)"),
                  {c.departmentIds.last(), QStringLiteral("D%1").arg(d), kNouns.at(d)});
    }
    // Versions, so a store pulling from a generated HQ receives these too.
    QList<std::pair<QString, QString>> stamped{{QStringLiteral("taxes"), c.taxId},
                                               {QStringLiteral("tenders"), c.cashId},
                                               {QStringLiteral("tenders"), c.cardId}};
    for (const QString &d : c.departmentIds) {
        stamped.append({QStringLiteral("departments"), d});
    }
    for (const auto &[table, id] : stamped) {
        ok = ok ? stampMasterVersion(*tx, table, QUuid(id)) : ok;
    }
    if (!ok) {
        return fail(ok.error());
    }
    if (auto done = tx->commit(); !done) {
        return fail(done.error());
    }
    return c;
}

Product productOf(int i, const Catalog &c)
{
    Product p;
    p.id = QUuid(productIdOf(i));
    p.sku = QStringLiteral("SKU%1").arg(i);
    p.barcodes = {barcodeOf(i)};
    p.name = QStringLiteral("%1 %2 %3")
                     .arg(kNouns.at(i % kNouns.size()), kKinds.at((i / 20) % kKinds.size()))
                     .arg(i);
    p.departmentId = QUuid(c.departmentIds.at(i % c.departmentIds.size()));
    p.price = Money::fromMinor(priceOf(i));
    p.cost = Money::fromMinor(priceOf(i) / 2);
    p.taxIds = {QUuid(c.taxId)};
    return p;
}

} // namespace

QJsonObject storeRecord()
{
    return test::storeRecord(QLatin1String(kStoreId), QStringLiteral("ST01"),
                             QStringLiteral("Bench"));
}

QString barcodeOf(int i)
{
    const QString digits = QStringLiteral("750%1").arg(i, 9, 10, QLatin1Char('0'));
    return digits + QString::number(checkDigitFor(digits));
}

QString productIdOf(int i)
{
    return uuidFor("product", i);
}

qint64 priceOf(int i)
{
    return 500 + (i % 200) * 25;
}

QString searchTermOf(int i)
{
    // What a cashier types: the start of a common word and of a rarer one ("arro 1234",
    // like "coca 600"), a handful of matches at any catalog size.
    return kNouns.at(i % kNouns.size()).left(4) + QLatin1Char(' ') + QString::number(i).left(4);
}

Result<Catalog> seedCatalog(Database &db, bool hq, int products)
{
    if (auto migrated = migrate(db, hq ? Schema::Hq : Schema::Store, migrationSteps()); !migrated) {
        return fail(migrated.error());
    }
    auto catalog = seedMasters(db);
    if (!catalog) {
        return catalog;
    }
    constexpr int kBatch = 5000;
    for (int from = 0; from < products; from += kBatch) {
        QList<Product> batch;
        for (int i = from; i < std::min(products, from + kBatch); ++i) {
            batch << productOf(i, *catalog);
        }
        auto tx = Transaction::begin(db);
        if (!tx) {
            return fail(tx.error());
        }
        if (auto ok = storeProducts(*tx, batch); !ok) {
            return fail(ok.error());
        }
        if (auto ok = tx->commit(); !ok) {
            return fail(ok.error());
        }
    }
    if (auto ok = settle(db); !ok) {
        return fail(ok.error());
    }
    return catalog;
}

Status settle(Database &db)
{
    const QStringList steps = db.engine() == Engine::PostgreSql
                                      ? QStringList{QStringLiteral("VACUUM (ANALYZE)"),
                                                    QStringLiteral("CHECKPOINT")}
                                      : QStringList{QStringLiteral("ANALYZE"),
                                                    QStringLiteral(
                                                            "PRAGMA wal_checkpoint(TRUNCATE)")};
    auto conn = db.connection();
    for (const QString &step : steps) {
        auto done = conn ? pos::exec(*conn, step) : Result<QSqlQuery>(fail(conn.error()));
        if (!done) {
            return fail(done.error());
        }
    }
    return {};
}

Result<std::unique_ptr<BenchDatabase>> BenchDatabase::create(Engine engine, const QString &pgUrl,
                                                             const QString &name, Reuse reuse)
{
    std::unique_ptr<BenchDatabase> b(new BenchDatabase);
    if (engine == Engine::Sqlite) {
        b->m_url = QStringLiteral("sqlite://") + b->m_dir.filePath(name + QStringLiteral(".db"));
    } else {
        if (pgUrl.isEmpty()) {
            return fail(ErrorCode::Unavailable, QStringLiteral("no PostgreSQL cluster given"));
        }
        auto admin = Database::open(pgUrl);
        if (!admin) {
            return fail(admin.error());
        }
        auto conn = (*admin)->connection();
        if (!conn) {
            return fail(conn.error());
        }
        b->m_name = QStringLiteral("bench_") + name;
        b->m_adminUrl = pgUrl;
        if (reuse == Reuse::Allowed && qEnvironmentVariableIsSet("POS_BENCH_REUSE")) {
            auto kept = pos::exec(*conn,
                                  QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"),
                                  {b->m_name});
            b->m_reused = kept && kept->next();
        }
        if (!b->m_reused) {
            if (auto dropped = pos::exec(*conn,
                                         QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                                 .arg(b->m_name));
                !dropped) {
                return fail(dropped.error());
            }
            if (auto made = pos::exec(*conn, QStringLiteral("CREATE DATABASE %1").arg(b->m_name));
                !made) {
                return fail(made.error());
            }
        }
        QUrl url(pgUrl);
        url.setPath(QLatin1Char('/') + b->m_name);
        b->m_url = url.toString();
    }
    auto db = Database::open(b->m_url);
    if (!db) {
        return fail(db.error());
    }
    b->m_db = std::move(*db);
    return b;
}

BenchDatabase::~BenchDatabase()
{
    m_db.reset();
    // POS_BENCH_KEEP leaves the data behind for profiling a scenario by hand.
    if (qEnvironmentVariableIsSet("POS_BENCH_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("kept %s", qPrintable(m_url));
        return;
    }
    if (!m_name.isEmpty()) {
        if (auto admin = Database::open(m_adminUrl)) {
            if (auto conn = (*admin)->connection()) {
                if (auto dropped = pos::exec(*conn,
                                             QStringLiteral(
                                                     "DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                                     .arg(m_name));
                    !dropped) {
                    qWarning("cannot drop %s", qPrintable(m_name));
                }
            }
        }
    }
}

namespace {

// Sale number `s` of the generated history: 5 lines of products (s * 5 + l) % 1000 at
// their catalog prices, a 10.00 card payment and the rest in cash, each line's stock
// movement. writeSales puts it into a store's tables, pushBatches into a store's push.
struct GeneratedSale
{
    struct Line
    {
        QString id;
        QString movementId;
        QString productId;
        qint64 price = 0;
    };
    QString id;
    QList<Line> lines;
    QString cardPaymentId;
    QString cashPaymentId;
    qint64 total = 0;
};

GeneratedSale generatedSale(int s)
{
    GeneratedSale sale{newRecordIdText(), {}, newRecordIdText(), newRecordIdText(), 0};
    for (int l = 0; l < 5; ++l) {
        const int i = (s * 5 + l) % 1000;
        sale.lines.append({newRecordIdText(), newRecordIdText(), productIdOf(i), priceOf(i)});
        sale.total += priceOf(i);
    }
    return sale;
}

constexpr qint64 kCardAmount = 1000;

// The statements that write one generated sale into a store's tables.
QStringList saleStatements(int s, const GeneratedSale &sale, const SalesPlace &place,
                           const Catalog &c, const QString &today, const QString &now)
{
    QStringList lines;
    QStringList moves;
    for (qsizetype l = 0; l < sale.lines.size(); ++l) {
        const GeneratedSale::Line &line = sale.lines.at(l);
        lines << QStringLiteral("('%1', '%2', %3, '%4', 'item', 1000, %5, 0, %5, FALSE)")
                         .arg(line.id, sale.id)
                         .arg(l + 1)
                         .arg(line.productId)
                         .arg(line.price);
        moves << QStringLiteral("('%1', '%2', '%3', 'sale', 'none', -1000, '%4', '%5', "
                                "'%6', '%7')")
                         .arg(line.movementId, QLatin1String(kStoreId), line.productId, sale.id,
                              place.cashier, today, now);
    }
    return {QStringLiteral("INSERT INTO sales (id, store_id, register_id, session_id, "
                           "cashier_id, receipt_number, kind, status, business_date, "
                           "created_at, language, ticket_discount, subtotal, tax_total, "
                           "total, change_given, content_hash) VALUES ('%1', '%2', '%3', "
                           "'%4', '%5', 'ST01-H-%6', 'sale', 'completed', '%7', '%8', "
                           "'es', 0, %9, 0, %9, 0, 'bench')")
                    .arg(sale.id, QLatin1String(kStoreId), place.registerId, place.session,
                         place.cashier)
                    .arg(s, 6, 10, QLatin1Char('0'))
                    .arg(today, now)
                    .arg(sale.total),
            QStringLiteral("INSERT INTO sale_lines (id, sale_id, line_no, product_id, "
                           "description, quantity, unit_price, discount, total, "
                           "price_overridden) VALUES %1")
                    .arg(lines.join(u',')),
            QStringLiteral("INSERT INTO sale_payments (id, sale_id, tender_id, amount) "
                           "VALUES ('%1', '%2', '%3', %4), ('%5', '%2', '%6', %7)")
                    .arg(sale.cardPaymentId, sale.id, c.cardId)
                    .arg(kCardAmount)
                    .arg(sale.cashPaymentId, c.cashId)
                    .arg(sale.total - kCardAmount),
            QStringLiteral("INSERT INTO stock_movements (id, store_id, product_id, kind, "
                           "reason, quantity, reference_id, user_id, business_date, "
                           "occurred_at) VALUES %1")
                    .arg(moves.join(u','))};
}

// Sales first..first+count-1 of writeSales, in one transaction.
Status writeSalesFrom(Database &db, int first, int count, const SalesPlace &place, const Catalog &c,
                      bool queued)
{
    auto tx = Transaction::begin(db);
    if (!tx) {
        return fail(tx.error());
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    for (int s = first; s < first + count; ++s) {
        const GeneratedSale sale = generatedSale(s);
        QStringList statements = saleStatements(s, sale, place, c, today, now);
        if (queued) {
            statements << QStringLiteral("INSERT INTO outbox (kind, record_id, queued_at) VALUES "
                                         "('sale', '%1', '%2')")
                                  .arg(sale.id, now);
        }
        for (const QString &sql : statements) {
            if (auto q = tx->exec(sql); !q) {
                return fail(q.error());
            }
        }
    }
    return tx->commit();
}

} // namespace

Status writeSales(Database &db, int sales, const SalesPlace &place, const Catalog &c, bool queued)
{
    // In transactions of 2000, each followed by ANALYZE: PostgreSQL plans the foreign-key
    // checks of a session once, and a plan made while `sales` looked empty reads the
    // whole table for every line (a 100,000-sale history took over a quarter of an hour).
    constexpr int kChunk = 2000;
    for (int first = 0; first < sales; first += kChunk) {
        if (auto ok = writeSalesFrom(db, first, std::min(kChunk, sales - first), place, c, queued);
            !ok) {
            return ok;
        }
        auto conn = db.connection();
        auto analysed = conn ? pos::exec(*conn, QStringLiteral("ANALYZE sales"))
                             : Result<QSqlQuery>(fail(conn.error()));
        if (!analysed) {
            return fail(analysed.error());
        }
    }
    // The rest once at the end, as autovacuum would have in a store that sold them over
    // days: unanalysed, a push's read of 1,000 sales' lines by `sale_id IN (...)` was
    // planned as a scan of the whole table (no statistics make the list look like every
    // row), 34 ms a batch for the lines and 29 ms for the movements in a quick push.
    for (const char *table : {"sale_lines", "sale_payments", "stock_movements", "outbox"}) {
        auto conn = db.connection();
        auto analysed = conn ? pos::exec(*conn,
                                         QStringLiteral("ANALYZE %1").arg(QLatin1String(table)))
                             : Result<QSqlQuery>(fail(conn.error()));
        if (!analysed) {
            return fail(analysed.error());
        }
    }
    return {};
}

namespace {

QByteArray quoted(const QString &text)
{
    return '"' + text.toUtf8() + '"';
}

QByteArray pushed(const char *kind, const QString &id, const QByteArray &row,
                  const QByteArray &parts)
{
    return "{\"kind\":\"" + QByteArray(kind) + "\",\"id\":" + quoted(id)
           + ",\"revision\":1,\"data\":{\"row\":" + row + ",\"parts\":{" + parts + "}}}";
}

QByteArray sessionPushed(const QString &storeId, const SalesPlace &place, const QString &today,
                         const QString &now)
{
    const QByteArray row = "{\"store_id\":" + quoted(storeId) + ",\"register_id\":"
                           + quoted(place.registerId) + ",\"cashier_id\":" + quoted(place.cashier)
                           + ",\"sequence\":1,\"business_date\":" + quoted(today)
                           + ",\"opened_at\":" + quoted(now)
                           + ",\"closed_at\":null,\"opening_float\":0,\"status\":\"open\","
                             "\"approved_by\":null,\"close_reason\":\"\"}";
    return pushed("session", place.session, row, {});
}

QByteArray salePushed(int s, const QString &storeId, const SalesPlace &place, const Catalog &c,
                      const QString &today, const QString &now)
{
    const GeneratedSale sale = generatedSale(s);
    QByteArrayList lines;
    QByteArrayList moves;
    for (qsizetype l = 0; l < sale.lines.size(); ++l) {
        const GeneratedSale::Line &line = sale.lines.at(l);
        const QByteArray price = QByteArray::number(line.price);
        lines << "{\"id\":" + quoted(line.id) + ",\"line_no\":" + QByteArray::number(l + 1)
                         + ",\"product_id\":" + quoted(line.productId)
                         + ",\"description\":\"item\",\"quantity\":1000,\"unit_price\":" + price
                         + ",\"discount\":0,\"total\":" + price
                         + ",\"price_overridden\":false,\"original_line_id\":null,"
                           "\"ticket_share\":0}";
        moves << "{\"id\":" + quoted(line.movementId) + ",\"store_id\":" + quoted(storeId)
                         + ",\"product_id\":" + quoted(line.productId)
                         + ",\"kind\":\"sale\",\"reason\":\"none\",\"quantity\":-1000,"
                           "\"user_id\":"
                         + quoted(place.cashier) + ",\"business_date\":" + quoted(today)
                         + ",\"occurred_at\":" + quoted(now) + '}';
    }
    const QByteArray total = QByteArray::number(sale.total);
    const QByteArray payments = "{\"id\":" + quoted(sale.cardPaymentId)
                                + ",\"tender_id\":" + quoted(c.cardId) + ",\"amount\":"
                                + QByteArray::number(kCardAmount) + ",\"reference\":\"\"},{\"id\":"
                                + quoted(sale.cashPaymentId) + ",\"tender_id\":" + quoted(c.cashId)
                                + ",\"amount\":" + QByteArray::number(sale.total - kCardAmount)
                                + ",\"reference\":\"\"}";
    const QByteArray row
            = "{\"store_id\":" + quoted(storeId) + ",\"register_id\":" + quoted(place.registerId)
              + ",\"session_id\":" + quoted(place.session)
              + ",\"cashier_id\":" + quoted(place.cashier)
              + ",\"customer_id\":null,\"sales_rep_id\":null,\"original_sale_id\":null,"
                "\"receipt_number\":\"H-"
              + QByteArray::number(s)
              + "\",\"kind\":\"sale\",\"status\":\"completed\",\"business_date\":" + quoted(today)
              + ",\"created_at\":" + quoted(now)
              + ",\"language\":\"es\",\"ticket_discount\":0,\"subtotal\":" + total
              + ",\"tax_total\":0,\"total\":" + total
              + ",\"change_given\":0,\"content_hash\":\"bench\"}";
    return pushed("sale", sale.id, row,
                  "\"sale_lines\":[" + lines.join(',') + "],\"sale_payments\":[" + payments
                          + "],\"stock_movements\":[" + moves.join(',') + ']');
}

} // namespace

QList<QByteArray> pushBatches(const QString &storeId, const SalesPlace &place, const Catalog &c,
                              int sales, int perBatch)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QByteArrayList records{sessionPushed(storeId, place, today, now)};
    for (int s = 0; s < sales; ++s) {
        records << salePushed(s, storeId, place, c, today, now);
    }
    QList<QByteArray> batches;
    for (qsizetype first = 0; first < records.size(); first += perBatch) {
        const QByteArrayList some = records.mid(first, perBatch);
        batches << "{\"pending\":" + QByteArray::number(records.size() - first) + ",\"records\":["
                           + some.join(',') + "]}";
    }
    return batches;
}

} // namespace pos::bench
