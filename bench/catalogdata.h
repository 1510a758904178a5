// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace pos::bench {

// A fresh database for one scenario: a SQLite file in a temporary folder, or a new
// database on the cluster. Dropped when the object goes. For profiling by hand,
// POS_BENCH_KEEP=1 keeps it and POS_BENCH_REUSE=1 takes a kept PostgreSQL one as it is,
// where the scenario allows it (a store that pulls must start empty).
enum class Reuse { Allowed, Never };

class BenchDatabase
{
public:
    static Result<std::unique_ptr<BenchDatabase>> create(Engine engine, const QString &pgUrl,
                                                         const QString &name,
                                                         Reuse reuse = Reuse::Allowed);
    ~BenchDatabase();
    QString url() const { return m_url; }
    Database &db() { return *m_db; }
    bool reused() const { return m_reused; }

private:
    BenchDatabase() = default;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_adminUrl;
    QString m_name;
    bool m_reused = false;
};

// A database after a bulk load has settled, as a store's is by the time cashiers use it:
// planner statistics gathered, the rows vacuumed (so index-only scans skip the table) and
// a checkpoint taken, so a measurement does not share the cores with autovacuum and the
// checkpointer writing the load out. pgbench vacuums before its runs for the same reason.
Status settle(Database &db);

// The generated shop: ten departments, one zero-rated tax, cash and card, and `products`
// products with an EAN-13 each, written through the same bulk path as a CSV import.
struct Catalog
{
    QString taxId;
    QString cashId;
    QString cardId;
    QStringList departmentIds;
};

Result<Catalog> seedCatalog(Database &db, bool hq, int products);

// Where generated sales were rung up: a register, its open session, and who sold.
struct SalesPlace
{
    QString registerId;
    QString session;
    QString cashier;
};

// `sales` sales of 5 lines, 2 payments and 5 movements written in one go straight into a
// store's tables (products 0 to 999 of the catalog). `queued`: with outbox rows, as if
// sold while HQ was away; otherwise history HQ already holds.
Status writeSales(Database &db, int sales, const SalesPlace &place, const Catalog &c, bool queued);

// Sales like writeSales' as a store pushes them: push_records bodies of up to `perBatch`
// records, the session they were sold in first (sequence 1), then each sale with its lines,
// payments and stock movements, in the JSON a store's pusher writes. Made before a run, so
// that what is timed is HQ taking them.
QList<QByteArray> pushBatches(const QString &storeId, const SalesPlace &place, const Catalog &c,
                              int sales, int perBatch);

// The bench's store (kStoreId, ST01), as put_store takes it.
QJsonObject storeRecord();

// Product i, as generated: its barcode, price (minor units) and a word of its name.
QString barcodeOf(int i);
QString productIdOf(int i);
qint64 priceOf(int i);
QString searchTermOf(int i);

} // namespace pos::bench
