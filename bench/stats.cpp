// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench.h"

#include "core/db/database.h"

#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace pos::bench {

double Sample::percentile(double p) const
{
    if (ms.empty()) {
        return 0;
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least p of the sample at or below it.
    const auto rank = static_cast<size_t>(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

QJsonObject Sample::json() const
{
    return {{QStringLiteral("count"), qint64(ms.size())},
            {QStringLiteral("p50_ms"), percentile(0.50)},
            {QStringLiteral("p99_ms"), percentile(0.99)},
            {QStringLiteral("per_second"), perSecond()},
            {QStringLiteral("seconds"), seconds}};
}

QJsonObject machine()
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : info.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
        }
    }
    qint64 memKiB = 0;
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly)) {
        memKiB = mem.readLine().simplified().split(' ').value(1).toLongLong();
    }
    return {{QStringLiteral("cpu"), cpu},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("memory_gib"), std::round(double(memKiB) / 1048576.0 * 10) / 10},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())}};
}

QJsonObject clusterSettings(const QString &url)
{
    QJsonObject out;
    auto db = Database::open(url);
    auto conn = db ? (*db)->connection() : Result<QSqlDatabase>(fail(db.error()));
    for (const char *name : {"shared_buffers", "fsync", "synchronous_commit"}) {
        auto q = conn ? exec(*conn, QStringLiteral("SHOW %1").arg(QLatin1String(name)))
                      : Result<QSqlQuery>(fail(conn.error()));
        if (q && q->next()) {
            out.insert(QLatin1String(name), q->value(0).toString());
        }
    }
    return out;
}

} // namespace pos::bench
