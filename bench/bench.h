// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every benchmark scenario shares: the run's settings, latency statistics and the
// results document that docs/benchmarks.md and its JSON are written from.

#include "core/base/error.h"
#include "core/db/databaseurl.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <vector>

namespace pos::bench {

struct Config
{
    bool quick = true;
    QList<Engine> engines{Engine::Sqlite, Engine::PostgreSql}; // for lookups and sales
    QList<int> catalogSizes;                                   // products in the lookup scenarios
    QList<int> terminals;             // concurrent tills in the sale scenario
    int saleSeconds = 5;              // how long each sale load runs
    int saleHistory = 1000;           // sales the store already has when the tills start
    int lookupCount = 2000;           // lookups measured per configuration
    QList<int> pullSizes;             // products in an initial pull
    int pushSales = 5000;             // sales pushed to HQ
    QList<int> ingestStores{1, 2, 4}; // stores pushing at once in HQ's ingest alone
    int priceChanges = 20;            // price changes timed from HQ to the store
    QString pgUrl;                    // the cluster (POS_TEST_PG_URL)
    QString storeServer;              // program paths
    QString hqServer;
    QString terminalBench;
    QString referenceDir; // bench/reference (Fastify), empty to skip
    QString outDir;       // docs/
};

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Latencies of one measured run, and how long the run took.
struct Sample
{
    std::vector<double> ms;
    double seconds = 0;

    double percentile(double p) const;
    double perSecond() const { return seconds > 0 ? double(ms.size()) / seconds : 0; }
    QJsonObject json() const; // count, p50_ms, p99_ms, per_second
};

// A failure stops only its scenario: the report says what did not run and why.
struct Outcome
{
    QJsonObject figures;
    QString error;
};

QJsonObject machine();
// The settings of the PostgreSQL cluster at `url` that the figures depend on.
QJsonObject clusterSettings(const QString &url);

} // namespace pos::bench
