// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace pos::bench {

// A fresh database for one scenario: a SQLite file in a temporary folder, or a new
// database on the cluster. Dropped when the object goes.
class BenchDatabase
{
public:
    static Result<std::unique_ptr<BenchDatabase>> create(Engine engine, const QString &pgUrl,
                                                         const QString &name);
    ~BenchDatabase();
    QString url() const { return m_url; }
    Database &db() { return *m_db; }

private:
    BenchDatabase() = default;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_adminUrl;
    QString m_name;
};

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

// The bench's store (kStoreId, ST01), as put_store takes it.
QJsonObject storeRecord();

// Product i, as generated: its barcode, price (minor units) and a word of its name.
QString barcodeOf(int i);
QString productIdOf(int i);
qint64 priceOf(int i);
QString searchTermOf(int i);

} // namespace pos::bench
