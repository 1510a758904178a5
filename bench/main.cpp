// SPDX-License-Identifier: GPL-3.0-or-later
// pos-bench: runs every benchmark scenario at the sizes of the chosen mode and writes the
// figures (docs/benchmarks.json) and the report (docs/benchmarks.md with its plots).
// ./pos bench builds it in Release, starts PostgreSQL and runs it; see docs/benchmarks.md.
#include "scenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace pos::bench;

namespace {

Config configFor(const QCommandLineParser &args)
{
    Config c;
    const QString mode = args.value(QStringLiteral("mode"));
    c.quick = mode != QLatin1String("full");
    if (mode == QLatin1String("smoke")) { // keeps the code from rotting: tiny, seconds
        c.catalogSizes = {200};
        c.terminals = {1, 2};
        c.saleSeconds = 1;
        c.saleHistory = 100;
        c.lookupCount = 50;
        c.pullSizes = {300};
        c.pushSales = 100;
        c.ingestStores = {2};
        c.priceChanges = 3;
    } else if (c.quick) {
        c.catalogSizes = {1000, 10000};
        c.terminals = {1, 4, 16};
        c.saleSeconds = 3;
        c.saleHistory = 10000;
        c.lookupCount = 1000;
        c.pullSizes = {10000};
        c.pushSales = 5000;
        c.priceChanges = 20;
    } else {
        c.catalogSizes = {10000, 100000, 1000000};
        c.terminals = {1, 4, 16};
        c.saleSeconds = 10;
        c.saleHistory = 100000;
        c.lookupCount = 5000;
        c.pullSizes = {100000, 1000000};
        c.pushSales = 100000;
        c.priceChanges = 100;
    }
    // To look at one size by hand.
    for (const auto &[option, sizes] :
         {std::pair{QStringLiteral("sizes"), &c.catalogSizes},
          std::pair{QStringLiteral("pull-sizes"), &c.pullSizes},
          std::pair{QStringLiteral("ingest-stores"), &c.ingestStores}}) {
        if (args.isSet(option)) {
            sizes->clear();
            for (const QString &n : args.value(option).split(u',')) {
                if (n.toInt() > 0) { // 0 alone runs none
                    *sizes << n.toInt();
                }
            }
        }
    }
    if (args.isSet(QStringLiteral("push-sales"))) {
        c.pushSales = args.value(QStringLiteral("push-sales")).toInt();
    }
    if (args.isSet(QStringLiteral("engines"))) {
        const QStringList names = args.value(QStringLiteral("engines")).split(u',');
        c.engines.clear();
        for (const auto &[name, engine] :
             {std::pair{QStringLiteral("sqlite"), pos::Engine::Sqlite},
              std::pair{QStringLiteral("postgresql"), pos::Engine::PostgreSql}}) {
            if (names.contains(name)) {
                c.engines << engine;
            }
        }
    }
    c.pgUrl = args.value(QStringLiteral("pg"));
    c.outDir = args.value(QStringLiteral("out"));
    const QString bin = args.value(QStringLiteral("bin"));
    c.storeServer = bin + QStringLiteral("/servers/store-server");
    c.hqServer = bin + QStringLiteral("/servers/hq-server");
    c.terminalBench = bin + QStringLiteral("/bench/pos-bench-terminal");
    c.referenceDir = args.value(QStringLiteral("reference"));
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser args;
    args.addHelpOption();
    args.addOptions({{QStringLiteral("mode"), QStringLiteral("smoke, quick or full"),
                      QStringLiteral("mode"), QStringLiteral("quick")},
                     {QStringLiteral("pg"), QStringLiteral("PostgreSQL cluster URL"),
                      QStringLiteral("url")},
                     {QStringLiteral("out"), QStringLiteral("folder for the report"),
                      QStringLiteral("dir"), QStringLiteral("docs")},
                     {QStringLiteral("bin"), QStringLiteral("the build folder"),
                      QStringLiteral("dir"), QCoreApplication::applicationDirPath() + "/.."},
                     {QStringLiteral("reference"), QStringLiteral("bench/reference, installed"),
                      QStringLiteral("dir")},
                     {QStringLiteral("only"), QStringLiteral("scenarios to run, comma-separated"),
                      QStringLiteral("list")},
                     {QStringLiteral("sizes"),
                      QStringLiteral("catalog sizes of the lookup scenario, comma-separated"),
                      QStringLiteral("list")},
                     {QStringLiteral("pull-sizes"),
                      QStringLiteral("products in the initial pulls, comma-separated"),
                      QStringLiteral("list")},
                     {QStringLiteral("push-sales"), QStringLiteral("sales the push sends"),
                      QStringLiteral("n")},
                     {QStringLiteral("ingest-stores"),
                      QStringLiteral("stores sending at once in HQ's ingest, comma-separated"),
                      QStringLiteral("list")},
                     {QStringLiteral("engines"),
                      QStringLiteral("sqlite, postgresql or both (the default), comma-separated"),
                      QStringLiteral("list")},
                     {QStringLiteral("merge"),
                      QStringLiteral("keep the other scenarios' figures from benchmarks.json")}});
    args.process(app);
    const Config config = configFor(args);
    const QStringList only = args.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
    const QList<std::pair<QString, Outcome (*)(const Config &)>>
            scenarios{{QStringLiteral("lookup"), lookupScenario},
                      {QStringLiteral("sale_commit"), saleScenario},
                      {QStringLiteral("pgbench"), pgbenchBaseline},
                      {QStringLiteral("http_reference"), referenceScenario},
                      {QStringLiteral("sync"), syncScenario},
                      {QStringLiteral("terminal"), terminalScenario}};
    QJsonObject results{{QStringLiteral("machine"), machine()},
                        {QStringLiteral("mode"), args.value(QStringLiteral("mode"))},
                        {QStringLiteral("started_at"),
                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (args.isSet(QStringLiteral("merge"))) {
        QFile earlier(config.outDir + QStringLiteral("/benchmarks.json"));
        if (earlier.open(QIODevice::ReadOnly)) {
            QJsonObject kept = QJsonDocument::fromJson(earlier.readAll()).object();
            if (!only.isEmpty() && !only.contains(QStringLiteral("none"))) {
                kept.insert(QStringLiteral("rerun_at"),
                            results.value(QStringLiteral("started_at")));
                kept.insert(QStringLiteral("rerun"), only.join(u','));
            }
            results = kept;
        }
    }
    if (const QJsonObject cluster = clusterSettings(config.pgUrl); !cluster.isEmpty()) {
        QJsonObject m = results.value(QStringLiteral("machine")).toObject();
        m.insert(QStringLiteral("postgresql"), cluster);
        results.insert(QStringLiteral("machine"), m);
    }
    int failures = 0;
    for (const auto &[name, run] : scenarios) {
        if (!only.isEmpty() && !only.contains(name)) {
            continue;
        }
        const auto t0 = Clock::now();
        const Outcome outcome = run(config);
        QJsonObject entry = outcome.figures;
        entry.insert(QStringLiteral("wall_seconds"), msSince(t0) / 1000);
        if (!outcome.error.isEmpty()) {
            entry.insert(QStringLiteral("error"), outcome.error);
            qWarning("%s failed: %s", qPrintable(name), qPrintable(outcome.error));
            ++failures;
        }
        results.insert(name, entry);
    }
    QDir().mkpath(config.outDir);
    QFile file(config.outDir + QStringLiteral("/benchmarks.json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(results).toJson()) < 0) {
        qWarning("cannot write %s", qPrintable(file.fileName()));
        return 1;
    }
    file.close();
    if (auto ok = writeReport(results, config); !ok) {
        qWarning("report: %s", qPrintable(ok.error().message));
        return 1;
    }
    return failures == 0 ? 0 : 1;
}
