// SPDX-License-Identifier: GPL-3.0-or-later
// Reports across stores, added up by the database: HQ holds every store's sales, too many
// to add up in C++ the way a store adds up its day. The figures are the stores' own: a
// store or a day counts what its tickets came to, a department or a product what its
// lines came to less their share of ticket discounts (stored with each line), so each
// report equals the sum of the stores' reports of the same range.
#include "hqreports.h"

#include "servers/common/dispatcher.h"
#include "servers/common/reports/reportrange.h"
#include "servers/common/sync/rowjson.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Reports)
};

// Each grouping: its key and label, and whether it adds up lines or tickets.
struct Grouping
{
    const char *by;
    const char *key;
    const char *label;
    bool lines;
};

constexpr Grouping kGroupings[]{
        {"store", "s.store_id", "st.name", false},
        {"day", "s.business_date", "s.business_date", false},
        {"department", "p.department_id", "d.name", true},
        {"product", "l.product_id", "p.name", true},
};

QString statement(const Grouping &g)
{
    const QString where = QStringLiteral(
            "s.status = 'completed' AND s.business_date >= ? AND s.business_date <= ?");
    if (!g.lines) {
        return QStringLiteral("SELECT %1, %2, COUNT(*), 0, SUM(s.total) FROM sales s JOIN stores "
                              "st ON st.id = s.store_id WHERE %3 GROUP BY %1, %2 ORDER BY %1")
                .arg(QLatin1String(g.key), QLatin1String(g.label), where);
    }
    return QStringLiteral("SELECT %1, %2, COUNT(DISTINCT s.id), SUM(l.quantity), SUM(l.total - "
                          "l.ticket_share) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                          "JOIN products p ON p.id = l.product_id JOIN departments d ON d.id = "
                          "p.department_id WHERE %3 GROUP BY %1, %2 ORDER BY %1")
            .arg(QLatin1String(g.key), QLatin1String(g.label), where);
}

Result<SalesReport> hqSalesReport(CallContext &c, const ReportQuery &query)
{
    auto range = reportRange(query.from, query.to);
    if (!range) {
        return fail(range.error());
    }
    const QDate from = range->from;
    const QDate to = range->to;
    const auto g = std::find_if(std::begin(kGroupings), std::end(kGroupings),
                                [&query](const Grouping &x) {
                                    return query.by == QLatin1String(x.by);
                                });
    if (g == std::end(kGroupings)) {
        return fail(ErrorCode::Validation,
                    Tr::tr("by: must be one of: %1")
                            .arg(QStringLiteral("store, day, department, product")));
    }
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn, statement(*g), {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q) {
        return fail(q.error());
    }
    SalesReport report{query.by, from, to, {}, Money()};
    qint64 total = 0;
    while (q->next()) {
        // A day comes back as a date on PostgreSQL and as text on SQLite.
        const QString key = rowjson::fromSql(q->value(0), false).toString();
        const QString label = rowjson::fromSql(q->value(1), false).toString();
        report.rows.append(ReportRow{key, label, q->value(2).toLongLong(),
                                     Quantity::fromMilli(q->value(3).toLongLong()),
                                     Money::fromMinor(q->value(4).toLongLong())});
        total += q->value(4).toLongLong();
    }
    report.total = Money::fromMinor(total);
    return report;
}

} // namespace

void registerHqReportHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_hq_sales_report"),
                   typed<ReportQuery, SalesReport>(hqSalesReport));
}

} // namespace pos
