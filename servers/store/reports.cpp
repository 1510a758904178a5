// SPDX-License-Identifier: GPL-3.0-or-later
// Local reports. Rows are added up in C++ from the day's tickets (a store's days are
// small), so grouping by the store's local hour needs no engine-specific SQL, and every
// report adds up to the tickets it covers.
#include "reports.h"

#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/reports/reportrange.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QMap>
#include <QSet>
#include <QTimeZone>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Reports)
};

struct Ticket
{
    QUuid id;
    QDateTime createdAt;
    QUuid cashier;
    Money total;
    Money ticketDiscount;
    Money change;
};

struct Bucket
{
    QString label;
    QSet<QUuid> tickets;
    qint64 milli = 0;
    qint64 amount = 0;
};

using Buckets = QMap<QString, Bucket>;

void add(Buckets &b, const QString &key, const QString &label, const QUuid &ticket, qint64 milli,
         qint64 amount)
{
    Bucket &x = b[key];
    x.label = label;
    x.tickets.insert(ticket);
    x.milli += milli;
    x.amount += amount;
}

Result<QList<Ticket>> tickets(const QSqlDatabase &conn, const QUuid &store, const QDate &from,
                              const QDate &to)
{
    auto q = exec(
            conn,
            QStringLiteral(
                    "SELECT id, created_at, cashier_id, total, ticket_discount, change_given FROM "
                    "sales WHERE store_id = ? AND status = 'completed' AND business_date >= ? AND "
                    "business_date <= ? ORDER BY id"),
            {sql::id(store), from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q) {
        return fail(q.error());
    }
    QList<Ticket> out;
    while (q->next()) {
        out.append(Ticket{QUuid::fromString(q->value(0).toString()), sql::timestamp(q->value(1)),
                          QUuid::fromString(q->value(2).toString()),
                          Money::fromMinor(q->value(3).toLongLong()),
                          Money::fromMinor(q->value(4).toLongLong()),
                          Money::fromMinor(q->value(5).toLongLong())});
    }
    return out;
}

Status byHour(const QList<Ticket> &all, const Store &store, Buckets &b)
{
    const QTimeZone zone(store.timeZone.toUtf8());
    for (const Ticket &t : all) {
        const QDateTime local = zone.isValid() ? t.createdAt.toTimeZone(zone) : t.createdAt;
        const QString hour = QStringLiteral("%1").arg(local.time().hour(), 2, 10, QLatin1Char('0'));
        add(b, hour, hour + QStringLiteral(":00"), t.id, 0, t.total.minor());
    }
    return {};
}

Status byCashier(const QSqlDatabase &conn, const QList<Ticket> &all, Buckets &b)
{
    for (const Ticket &t : all) {
        auto q = exec(conn, QStringLiteral("SELECT full_name FROM users WHERE id = ?"),
                      {sql::id(t.cashier)});
        const QString name = q && q->next() ? q->value(0).toString() : QString();
        add(b, sql::id(t.cashier), name, t.id, 0, t.total.minor());
    }
    return {};
}

// Cash kept is what was tendered less the change handed back.
Status byTender(const QSqlDatabase &conn, const QList<Ticket> &all, Buckets &b)
{
    for (const Ticket &t : all) {
        auto q = exec(
                conn,
                QStringLiteral(
                        "SELECT p.tender_id, t.name, t.kind, p.amount FROM sale_payments p JOIN "
                        "tenders t ON t.id = p.tender_id WHERE p.sale_id = ? ORDER BY p.id"),
                {sql::id(t.id)});
        if (!q) {
            return fail(q.error());
        }
        qint64 change = t.change.minor();
        while (q->next()) {
            qint64 amount = q->value(3).toLongLong();
            if (q->value(2).toString() == QLatin1String("cash") && change > 0) {
                const qint64 back = std::min(change, amount);
                amount -= back;
                change -= back;
            }
            add(b, q->value(0).toString(), q->value(1).toString(), t.id, 0, amount);
        }
    }
    return {};
}

// Each line counts what was paid for it: its total less its share of the ticket discount.
Status byLine(const QSqlDatabase &conn, const QList<Ticket> &all, bool department, Buckets &b)
{
    for (const Ticket &t : all) {
        auto q = exec(
                conn,
                QStringLiteral(
                        "SELECT l.product_id, p.name, p.department_id, d.name, l.quantity, l.total "
                        "FROM sale_lines l JOIN products p ON p.id = l.product_id JOIN departments "
                        "d ON d.id = p.department_id WHERE l.sale_id = ? ORDER BY l.line_no"),
                {sql::id(t.id)});
        if (!q) {
            return fail(q.error());
        }
        QList<std::tuple<QString, QString, qint64, Money>> lines;
        while (q->next()) {
            const int k = department ? 2 : 0;
            lines.append({q->value(k).toString(), q->value(k + 1).toString(),
                          q->value(4).toLongLong(), Money::fromMinor(q->value(5).toLongLong())});
        }
        QList<Money> shares(lines.size());
        if (!t.ticketDiscount.isZero()) {
            QList<Money> weights;
            for (const auto &l : lines) {
                weights << (std::get<3>(l).isNegative() ? Money() : std::get<3>(l));
            }
            auto split = allocate(t.ticketDiscount, weights);
            if (!split) {
                return fail(split.error());
            }
            shares = *split;
        }
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const auto &[key, label, milli, total] = lines[i];
            add(b, key, label, t.id, milli, total.minor() - shares[i].minor());
        }
    }
    return {};
}

Result<SalesReport> salesReport(CallContext &c, const ReportQuery &query)
{
    auto range = reportRange(query.from, query.to);
    if (!range) {
        return fail(range.error());
    }
    const QDate from = range->from;
    const QDate to = range->to;
    static const QStringList groupings{QStringLiteral("hour"), QStringLiteral("department"),
                                       QStringLiteral("product"), QStringLiteral("cashier"),
                                       QStringLiteral("tender")};
    if (!groupings.contains(query.by)) {
        return fail(ErrorCode::Validation,
                    Tr::tr("by: must be one of: %1").arg(groupings.join(QStringLiteral(", "))));
    }
    auto store = storeById(c.db, c.server.storeId);
    auto conn = c.db.connection();
    if (!store || !conn) {
        return fail(!store ? store.error() : conn.error());
    }
    auto all = tickets(*conn, store->id, from, to);
    if (!all) {
        return fail(all.error());
    }
    Buckets buckets;
    const Status grouped = query.by == QLatin1String("hour")      ? byHour(*all, *store, buckets)
                           : query.by == QLatin1String("cashier") ? byCashier(*conn, *all, buckets)
                           : query.by == QLatin1String("tender")
                                   ? byTender(*conn, *all, buckets)
                                   : byLine(*conn, *all, query.by == QLatin1String("department"),
                                            buckets);
    if (!grouped) {
        return fail(grouped.error());
    }
    SalesReport report{query.by, from, to, {}, Money()};
    qint64 total = 0;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        report.rows.append(ReportRow{it.key(), it->label, it->tickets.size(),
                                     Quantity::fromMilli(it->milli), Money::fromMinor(it->amount)});
        total += it->amount;
    }
    report.total = Money::fromMinor(total);
    return report;
}

} // namespace

void registerReportHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_sales_report"), typed<ReportQuery, SalesReport>(salesReport));
}

} // namespace pos
