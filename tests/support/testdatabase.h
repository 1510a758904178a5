// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"

#include <QTemporaryDir>

#include <memory>

namespace pos::test {

// A fresh, empty database for one test: a new SQLite file in a temporary folder, or a
// new database on the PostgreSQL cluster named by POS_TEST_PG_URL (./pos test starts
// one). Dropped again when the object goes.
class TestDatabase
{
public:
    static Result<std::unique_ptr<TestDatabase>> create(Engine engine);
    ~TestDatabase();

    Database &db() { return *m_db; }
    QString url() const { return m_url; }

private:
    TestDatabase() = default;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    QString m_adminUrl;
    QString m_pgName;
};

// Adds the two rows every database test runs under: "sqlite" and "postgresql".
void addEngineRows();

} // namespace pos::test

Q_DECLARE_METATYPE(pos::Engine)
