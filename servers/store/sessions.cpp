// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"
#include "servers/common/setupservice.h"
#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Register)
};

QDateTime timestampFrom(const QVariant &v)
{
    return v.metaType().id() == QMetaType::QDateTime
                   ? v.toDateTime().toUTC()
                   : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

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
    const RegisterSession session{request.id,
                                  c.server.storeId,
                                  request.registerId,
                                  c.user->userId,
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
                           timestampFrom(q->value(5)),
                           q->value(6).isNull() ? QDateTime() : timestampFrom(q->value(6)),
                           Money::fromMinor(q->value(7).toLongLong()),
                           q->value(8).toString() == QLatin1String("open") ? SessionStatus::Open
                                                                           : SessionStatus::Closed};
}

void registerSessionHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("open_session"), typed<OpenSession, RegisterSession>(openSession));
}

} // namespace pos
