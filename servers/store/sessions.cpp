// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions.h"

#include "servers/common/auditlog.h"
#include "servers/common/catalog/setupservice.h"
#include "servers/common/dispatcher.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/outbox.h"

#include <QCoreApplication>
#include <QLocale>

#include <QTimeZone>
#include <cstdlib>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Register)
};

// The store's business day: its own calendar date, not the server's.
QDate businessDate(const Store &store, const QDateTime &now)
{
    const QTimeZone zone(store.timeZone.toUtf8());
    return (zone.isValid() ? now.toTimeZone(zone) : now).date();
}

Result<RegisterSession> openSession(CallContext &c, const OpenSession &request)
{
    auto reg = registerById(c.db, request.registerId);
    if (!reg || reg->storeId != c.server.storeId || !reg->active) {
        return fail(reg || reg.error().code == ErrorCode::NotFound
                            ? Error{ErrorCode::Validation,
                                    Tr::tr("register_id: not a register of this store")}
                            : reg.error());
    }
    if (auto existing = sessionById(c.db, request.id); existing) {
        return existing->registerId == request.registerId
                       ? Result<RegisterSession>(*existing)
                       : fail(ErrorCode::Conflict, Tr::tr("id: already used by another session"));
    }
    auto store = storeById(c.db, c.server.storeId);
    if (!store) {
        return fail(store.error());
    }
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto counts = tx->exec(
            QStringLiteral(
                    "SELECT COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0), "
                    "COALESCE(MAX(sequence), 0) FROM register_sessions WHERE register_id = ?"),
            {sql::id(request.registerId)});
    if (!counts) {
        return fail(counts.error());
    }
    if (!counts->next()) {
        return fail(ErrorCode::Internal, QStringLiteral("no count"));
    }
    const qint64 openNow = counts->value(0).toLongLong();
    const qint64 lastSequence = counts->value(1).toLongLong();
    counts->finish();
    if (openNow > 0) {
        return fail(ErrorCode::Conflict, Tr::tr("this register is already open; close it first"));
    }
    RegisterSession session{request.id,
                            c.server.storeId,
                            request.registerId,
                            c.callerId(),
                            lastSequence + 1,
                            businessDate(*store, c.now),
                            c.now,
                            QDateTime(),
                            request.openingFloat,
                            SessionStatus::Open};
    auto insert = tx->exec(
            QStringLiteral("INSERT INTO register_sessions (id, store_id, register_id, cashier_id, "
                           "sequence, business_date, opened_at, opening_float, status) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, 'open')"),
            {sql::id(session.id), sql::id(session.storeId), sql::id(session.registerId),
             sql::id(session.cashierId), session.sequence,
             session.businessDate.toString(Qt::ISODate),
             session.openedAt.toString(Qt::ISODateWithMs), session.openingFloat.minor()});
    if (!insert) {
        return fail(insert.error());
    }
    if (auto ok = outbox::enqueue(*tx, "session", session.id, c.now); !ok) {
        return fail(ok.error());
    }
    if (auto ok = appendAudit(*tx, c,
                              {QStringLiteral("register.opened"),
                               {},
                               json::write(session),
                               session.registerId});
        !ok) {
        return fail(ok.error());
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return session;
}

} // namespace

Result<RegisterSession> sessionById(Database &db, const QUuid &id)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT store_id, register_id, cashier_id, sequence, business_date, opened_at, "
                    "closed_at, opening_float, status FROM register_sessions WHERE id = ?"),
            {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such register session"));
    }
    return RegisterSession{id,
                           QUuid::fromString(q->value(0).toString()),
                           QUuid::fromString(q->value(1).toString()),
                           QUuid::fromString(q->value(2).toString()),
                           q->value(3).toLongLong(),
                           QDate::fromString(q->value(4).toString().left(10), Qt::ISODate),
                           sql::timestamp(q->value(5)),
                           q->value(6).isNull() ? QDateTime() : sql::timestamp(q->value(6)),
                           Money::fromMinor(q->value(7).toLongLong()),
                           q->value(8).toString() == QLatin1String("open") ? SessionStatus::Open
                                                                           : SessionStatus::Closed};
}

namespace {

// A till starting up asks whether its register is already open (after a restart, or when
// the next cashier takes over) before it offers to open it.
Result<QJsonValue> openSessionOf(CallContext &c, const QJsonObject &)
{
    auto conn = c.db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT id FROM register_sessions WHERE register_id = ? AND "
                                 "store_id = ? AND status = 'open'"),
                  {sql::id(QUuid::fromString(c.pathParams.value(QStringLiteral("id")).toString())),
                   sql::id(c.server.storeId)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("this register is closed"));
    }
    const QUuid id = QUuid::fromString(q->value(0).toString());
    q->finish();
    return transform(sessionById(c.db, id),
                     [](const RegisterSession &s) { return QJsonValue(json::write(s)); });
}

} // namespace

void registerSessionHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("open_session"), typed<OpenSession, RegisterSession>(openSession));
    dispatcher.add(QStringLiteral("get_open_session"), openSessionOf);
}

} // namespace pos

namespace pos {

namespace {

struct CloseTr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Register)
};

constexpr qint64 kDefaultCloseThreshold = 500; // cents over or short before a manager signs

Result<qint64> closeThreshold(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT value FROM settings WHERE name = 'close_threshold_cents'"));
    if (!q) {
        return fail(q.error());
    }
    return q->next() ? q->value(0).toLongLong() : kDefaultCloseThreshold;
}

// Net cash put in (paid-in) less cash taken out (paid-out, drops) during a session.
Result<qint64> cashMoved(const QSqlDatabase &conn, const QUuid &session)
{
    auto q = exec(
            conn,
            QStringLiteral(
                    "SELECT COALESCE(SUM(CASE WHEN kind = 'paid_in' THEN amount ELSE -amount END), "
                    "0) FROM cash_movements WHERE session_id = ?"),
            {sql::id(session)});
    if (!q || !q->next()) {
        return q ? fail(ErrorCode::Internal, QStringLiteral("no sum")) : fail(q.error());
    }
    return q->value(0).toLongLong();
}

Result<CashMovement> recordCashMovement(CallContext &c, const CashMovement &m)
{
    auto session = sessionById(c.db, m.sessionId);
    if (!session || session->storeId != c.server.storeId) {
        return fail(ErrorCode::Validation, CloseTr::tr("session_id: not a session of this store"));
    }
    if (session->status != SessionStatus::Open) {
        return fail(ErrorCode::Conflict, CloseTr::tr("this register is closed"));
    }
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto q = tx->exec(
            QStringLiteral(
                    "INSERT INTO cash_movements (id, session_id, kind, amount, reason, user_id, "
                    "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
            {sql::id(m.id), sql::id(m.sessionId), json::enumName(m.kind, kCashMovementKindNames),
             m.amount.minor(), m.reason, sql::id(c.callerId()), sql::timestampText(c.now)});
    if (!q) {
        return fail(q.error());
    }
    if (q->numRowsAffected() == 1) { // a retry writes and audits nothing new
        const QString action = QStringLiteral("cash.")
                               + json::enumName(m.kind, kCashMovementKindNames);
        if (auto ok = appendAudit(*tx, c, {action, m.reason, json::write(m), session->registerId});
            !ok) {
            return fail(ok.error());
        }
    }
    if (auto ok = tx->commit(); !ok) {
        return fail(ok.error());
    }
    return m;
}

// Expected money per tender: payments taken, less change given in cash, plus the float.
Result<SessionReport> expectedFor(Database &db, const RegisterSession &session)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    SessionReport report{session.id, 0,       Money(),
                         {},         Money(), session.status == SessionStatus::Closed,
                         QUuid()};
    auto totals = exec(
            *conn,
            QStringLiteral(
                    "SELECT COUNT(*), COALESCE(SUM(total), 0), COALESCE(SUM(change_given), 0) "
                    "FROM sales WHERE session_id = ? AND status = 'completed'"),
            {sql::id(session.id)});
    if (!totals || !totals->next()) {
        return totals ? fail(ErrorCode::Internal, QStringLiteral("no totals"))
                      : fail(totals.error());
    }
    report.sales = totals->value(0).toLongLong();
    report.salesTotal = Money::fromMinor(totals->value(1).toLongLong());
    const qint64 change = totals->value(2).toLongLong();
    totals->finish();
    auto tenders
            = exec(*conn,
                   QStringLiteral(
                           "SELECT t.id, t.name, t.kind, COALESCE(SUM(p.amount), 0) FROM tenders t "
                           "LEFT JOIN sale_payments p ON p.tender_id = t.id AND p.sale_id IN "
                           "(SELECT id FROM sales WHERE session_id = ? AND status = 'completed') "
                           "WHERE t.deleted = FALSE GROUP BY t.id, t.name, t.kind ORDER BY t.name"),
                   {sql::id(session.id)});
    if (!tenders) {
        return fail(tenders.error());
    }
    QList<std::tuple<QUuid, QString, QString, qint64>> rows;
    while (tenders->next()) {
        rows.append({QUuid::fromString(tenders->value(0).toString()), tenders->value(1).toString(),
                     tenders->value(2).toString(), tenders->value(3).toLongLong()});
    }
    tenders->finish();
    auto moved = cashMoved(*conn, session.id);
    if (!moved) {
        return fail(moved.error());
    }
    bool cashSeen = false;
    for (const auto &[id, name, kind, paid] : rows) {
        qint64 expected = paid;
        if (kind == QLatin1String("cash") && !cashSeen) {
            // One cash drawer per register: the float, change given, paid-in/out, drops.
            expected += session.openingFloat.minor() - change + *moved;
            cashSeen = true;
        }
        report.tenders.append(TenderSummary{id, name, Money::fromMinor(expected), Money(), Money()});
    }
    return report;
}

Money countedFor(const TenderCount &count)
{
    qint64 total = count.amount.minor();
    for (const Denomination &d : count.denominations) {
        total += d.value.minor() * d.count;
    }
    return Money::fromMinor(total);
}

Status writeClose(CallContext &c, const RegisterSession &session, const SessionReport &report,
                  const QString &reason)
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    auto closed = tx->exec(QStringLiteral("UPDATE register_sessions SET status = 'closed', "
                                          "closed_at = ?, approved_by = ?, "
                                          "close_reason = ? WHERE id = ? AND status = 'open'"),
                           {c.now.toString(Qt::ISODateWithMs), sql::idOrNull(report.approvedBy),
                            reason, sql::id(session.id)});
    if (!closed) {
        return fail(closed.error());
    }
    if (closed->numRowsAffected() != 1) {
        return fail(ErrorCode::Conflict, CloseTr::tr("this register was closed meanwhile"));
    }
    for (const TenderSummary &t : report.tenders) {
        auto q = tx->exec(
                QStringLiteral(
                        "INSERT INTO session_counts (session_id, tender_id, expected, counted) "
                        "VALUES (?, ?, ?, ?)"),
                {sql::id(session.id), sql::id(t.tenderId), t.expected.minor(), t.counted.minor()});
        if (!q) {
            return fail(q.error());
        }
    }
    if (auto ok = outbox::enqueue(*tx, "session", session.id, c.now); !ok) {
        return ok;
    }
    const QString action = report.approvedBy.isNull() ? QStringLiteral("register.closed")
                                                      : QStringLiteral("register.close_difference");
    if (auto ok = appendAudit(*tx, c, {action, reason, json::write(report), session.registerId});
        !ok) {
        return fail(ok.error());
    }
    return tx->commit();
}

Result<SessionReport> storedReport(Database &db, const RegisterSession &session);

Result<SessionReport> closeSession(CallContext &c, const CloseSession &request)
{
    auto session = sessionById(c.db, request.id);
    if (!session) {
        return fail(session.error());
    }
    if (session->storeId != c.server.storeId) {
        return fail(ErrorCode::NotFound, CloseTr::tr("no such register session"));
    }
    if (session->status == SessionStatus::Closed) {
        return storedReport(c.db, *session); // closing twice answers the first close
    }
    auto report = expectedFor(c.db, *session);
    auto threshold = closeThreshold(c.db);
    if (!report || !threshold) {
        return fail(!report ? report.error() : threshold.error());
    }
    qint64 difference = 0;
    for (TenderSummary &t : report->tenders) {
        for (const TenderCount &count : request.counts) {
            if (count.tenderId == t.tenderId) {
                t.counted = countedFor(count);
            }
        }
        t.difference = Money::fromMinor(t.counted.minor() - t.expected.minor());
        difference += t.difference.minor();
    }
    report->difference = Money::fromMinor(difference);
    report->closed = true;
    if (std::abs(difference) > *threshold) {
        // Beyond the threshold another person, a manager, signs with a reason.
        if (request.reason.trimmed().isEmpty() || !c.approve) {
            return fail(ErrorCode::Forbidden,
                        CloseTr::tr("the count is %1 off: a manager must sign off with a reason")
                                .arg(report->difference.format(QLocale::c())));
        }
        auto approver = c.approve(Permission::RegisterClose);
        if (!approver) {
            return fail(approver.error());
        }
        if (approver->userId == c.callerId()) {
            return fail(ErrorCode::Forbidden,
                        CloseTr::tr("someone else must sign off your own count"));
        }
        c.approver = *approver;
        report->approvedBy = approver->userId;
    }
    if (auto ok = writeClose(c, *session, *report, request.reason); !ok) {
        return fail(ok.error());
    }
    return report;
}

Result<SessionReport> storedReport(Database &db, const RegisterSession &session)
{
    auto report = expectedFor(db, session);
    auto conn = db.connection();
    if (!report || !conn) {
        return fail(!report ? report.error() : conn.error());
    }
    auto q = exec(
            *conn,
            QStringLiteral(
                    "SELECT tender_id, expected, counted FROM session_counts WHERE session_id = ?"),
            {sql::id(session.id)});
    if (!q) {
        return fail(q.error());
    }
    qint64 difference = 0;
    while (q->next()) {
        for (TenderSummary &t : report->tenders) {
            if (t.tenderId == QUuid::fromString(q->value(0).toString())) {
                t.expected = Money::fromMinor(q->value(1).toLongLong());
                t.counted = Money::fromMinor(q->value(2).toLongLong());
                t.difference = Money::fromMinor(t.counted.minor() - t.expected.minor());
                difference += t.difference.minor();
            }
        }
    }
    q->finish();
    report->difference = Money::fromMinor(difference);
    auto approved = exec(*conn,
                         QStringLiteral("SELECT approved_by FROM register_sessions WHERE id = ?"),
                         {sql::id(session.id)});
    if (approved && approved->next()) {
        report->approvedBy = QUuid::fromString(approved->value(0).toString());
    }
    return report;
}

Result<QJsonValue> sessionReport(CallContext &c, const QJsonObject &)
{
    auto session = sessionById(c.db, QUuid::fromString(
                                             c.pathParams.value(QStringLiteral("id")).toString()));
    if (!session) {
        return fail(session.error());
    }
    return transform(storedReport(c.db, *session),
                     [](const SessionReport &r) { return QJsonValue(json::write(r)); });
}

} // namespace

void registerCloseHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("close_session"),
                   typed<CloseSession, SessionReport>(closeSession));
    dispatcher.add(QStringLiteral("get_session_report"), sessionReport);
    dispatcher.add(QStringLiteral("record_cash_movement"),
                   typed<CashMovement, CashMovement>(recordCashMovement));
}

} // namespace pos
