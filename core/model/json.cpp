// SPDX-License-Identifier: GPL-3.0-or-later
#include "json.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <cmath>

namespace pos::json {

namespace {

constexpr qint64 kMaxExactInteger = qint64(1) << 53; // beyond this a JSON number is a double guess

// Gives lupdate and QTranslator one context for this file's messages.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::json)
};

} // namespace

Reader::Reader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{}

QString Reader::childPath(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    return m_path.isEmpty() ? k : m_path + QLatin1Char('.') + k;
}

void Reader::problem(const char *key, const QString &message, ErrorCode code)
{
    m_errors << Error{code, message}.at(childPath(key));
}

QJsonValue Reader::take(const char *key, Presence presence)
{
    const QString k = QString::fromLatin1(key);
    m_seen.insert(k);
    const auto it = m_object.constFind(k);
    if (it == m_object.constEnd()) {
        if (presence == Presence::Required) {
            problem(key, Tr::tr("is required"), ErrorCode::BadRequest);
        }
        return QJsonValue(QJsonValue::Undefined);
    }
    return *it;
}

QJsonValue Reader::takeNullable(const char *key, Nullable nullable)
{
    // A nullable field may be null or left out (older clients need not know newer fields);
    // both read as null. A null where null is not allowed is a wrong type.
    QJsonValue v = take(key, nullable == Nullable::Yes ? Presence::Optional : Presence::Required);
    if (v.isNull() && nullable == Nullable::No) {
        return QJsonValue(QJsonValue::String); // falls through to the type check
    }
    return v;
}

std::optional<qint64> Reader::integer(const char *key, const QJsonValue &v)
{
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d) {
        problem(key, Tr::tr("must be a whole number"), ErrorCode::BadRequest);
        return std::nullopt;
    }
    if (std::fabs(d) > static_cast<double>(kMaxExactInteger)) {
        problem(key, Tr::tr("is out of range"), ErrorCode::Overflow);
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

void Reader::field(const char *key, QString &out, Text rule)
{
    const QJsonValue v = take(key, rule.presence);
    if (v.isUndefined()) {
        return;
    }
    if (!v.isString()) {
        problem(key, Tr::tr("must be a string"), ErrorCode::BadRequest);
        return;
    }
    const QString s = v.toString();
    if (s.size() < rule.min) {
        problem(key, rule.min == 1 ? Tr::tr("must not be empty")
                                   : Tr::tr("must be at least %1 characters").arg(rule.min));
    } else if (s.size() > rule.max) {
        problem(key, Tr::tr("must be at most %1 characters").arg(rule.max));
    } else {
        out = s;
    }
}

bool Reader::checkArray(const char *key, const QJsonValue &v, Items items)
{
    if (!v.isArray()) {
        problem(key, Tr::tr("must be an array"), ErrorCode::BadRequest);
        return false;
    }
    const qsizetype n = v.toArray().size();
    if (n < items.min) {
        problem(key, items.min == 1 ? Tr::tr("must not be empty")
                                    : Tr::tr("must have at least %1 items").arg(items.min));
        return false;
    }
    if (n > items.max) {
        problem(key, Tr::tr("must have at most %1 items").arg(items.max));
        return false;
    }
    return true;
}

void Reader::field(const char *key, QStringList &out, Items items, Text rule)
{
    const QJsonValue v = take(key, items.presence);
    if (v.isUndefined() || !checkArray(key, v, items)) {
        return;
    }
    const QJsonArray array = v.toArray();
    out.clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = childPath(key) + QStringLiteral("[%1]").arg(i);
        const QString s = array[i].toString();
        if (!array[i].isString()) {
            m_errors << Error{ErrorCode::BadRequest, Tr::tr("must be a string")}.at(path);
        } else if (s.size() < rule.min || s.size() > rule.max) {
            m_errors << Error{ErrorCode::Validation,
                              Tr::tr("must be %1 to %2 characters").arg(rule.min).arg(rule.max)}
                                .at(path);
        } else {
            out << s;
        }
    }
}

void Reader::field(const char *key, QJsonObject &out)
{
    const QJsonValue v = take(key, Presence::Required);
    if (v.isUndefined()) {
        return;
    }
    if (!v.isObject()) {
        problem(key, Tr::tr("must be an object"), ErrorCode::BadRequest);
        return;
    }
    out = v.toObject();
}

void Reader::field(const char *key, bool &out)
{
    const QJsonValue v = take(key, Presence::Required);
    if (v.isUndefined()) {
        return;
    }
    if (!v.isBool()) {
        problem(key, Tr::tr("must be true or false"), ErrorCode::BadRequest);
        return;
    }
    out = v.toBool();
}

void Reader::field(const char *key, qint64 &out, Count rule)
{
    const QJsonValue v = take(key, rule.presence);
    if (v.isUndefined()) {
        return;
    }
    const auto n = integer(key, v);
    if (!n) {
        return;
    }
    if (*n < rule.min || *n > rule.max) {
        problem(key, Tr::tr("must be between %1 and %2").arg(rule.min).arg(rule.max));
        return;
    }
    out = *n;
}

void Reader::field(const char *key, Money &out, Amount rule)
{
    const QJsonValue v = take(key, rule.presence);
    if (v.isUndefined()) {
        return;
    }
    const auto n = integer(key, v);
    if (!n) {
        return;
    }
    if (*n < rule.min) {
        problem(key, rule.min == 0 ? Tr::tr("must not be negative")
                                   : Tr::tr("must be at least %1").arg(rule.min));
        return;
    }
    if (*n > rule.max) {
        problem(key, Tr::tr("must be at most %1").arg(rule.max));
        return;
    }
    out = Money::fromMinor(*n);
}

void Reader::field(const char *key, Quantity &out, Measure rule)
{
    const QJsonValue v = take(key, Presence::Required);
    if (v.isUndefined()) {
        return;
    }
    const auto n = integer(key, v);
    if (!n) {
        return;
    }
    if (rule.zero == Zero::Refused && *n == 0) {
        problem(key, Tr::tr("must not be zero"));
    } else if (*n < rule.min) {
        problem(key, rule.min == 0 ? Tr::tr("must not be negative")
                                   : Tr::tr("must be at least %1").arg(rule.min));
    } else if (*n > rule.max) {
        problem(key, Tr::tr("must be at most %1").arg(rule.max));
    } else {
        out = Quantity::fromMilli(*n);
    }
}

void Reader::field(const char *key, TaxRate &out)
{
    const QJsonValue v = take(key, Presence::Required);
    if (v.isUndefined()) {
        return;
    }
    if (!v.isString()) {
        problem(key, Tr::tr("must be a percentage as a string, like \"16\" or \"9.975\""),
                ErrorCode::BadRequest);
        return;
    }
    const auto rate = TaxRate::parsePercent(v.toString());
    if (!rate) {
        problem(key, rate.error().message);
        return;
    }
    out = *rate;
}

void Reader::field(const char *key, QUuid &out, Nullable nullable)
{
    const QJsonValue v = takeNullable(key, nullable);
    if (v.isUndefined() || v.isNull()) {
        out = v.isNull() ? QUuid() : out;
        return;
    }
    const QUuid id = QUuid::fromString(v.toString());
    if (!v.isString() || id.isNull()) {
        problem(key, Tr::tr("must be a UUID"), ErrorCode::BadRequest);
        return;
    }
    out = id;
}

void Reader::field(const char *key, QList<QUuid> &out, Items items)
{
    const QJsonValue v = take(key, items.presence);
    if (v.isUndefined() || !checkArray(key, v, items)) {
        return;
    }
    out.clear();
    const QJsonArray array = v.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QUuid id = QUuid::fromString(array[i].toString());
        if (id.isNull()) {
            m_errors << Error{ErrorCode::BadRequest, Tr::tr("must be a UUID")}.at(
                    childPath(key) + QStringLiteral("[%1]").arg(i));
        } else if (out.contains(id)) {
            m_errors << Error{ErrorCode::Validation, Tr::tr("is listed twice")}.at(
                    childPath(key) + QStringLiteral("[%1]").arg(i));
        } else {
            out << id;
        }
    }
}

void Reader::field(const char *key, QDateTime &out, Nullable nullable)
{
    const QJsonValue v = takeNullable(key, nullable);
    if (v.isUndefined() || v.isNull()) {
        out = v.isNull() ? QDateTime() : out;
        return;
    }
    const QString s = v.toString();
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    // A timestamp without a zone is ambiguous across stores: demand Z or an offset.
    const bool zoned = s.endsWith(QLatin1Char('Z')) || s.lastIndexOf(QLatin1Char('+')) > 9
                       || s.lastIndexOf(QLatin1Char('-')) > 9;
    if (!v.isString() || !t.isValid() || !zoned) {
        problem(key, Tr::tr("must be an ISO 8601 timestamp with a time zone"),
                ErrorCode::BadRequest);
        return;
    }
    out = t.toUTC();
}

void Reader::field(const char *key, QDate &out, Nullable nullable)
{
    const QJsonValue v = takeNullable(key, nullable);
    if (v.isUndefined() || v.isNull()) {
        out = v.isNull() ? QDate() : out;
        return;
    }
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    if (!v.isString() || !d.isValid() || v.toString().size() != 10) {
        problem(key, Tr::tr("must be a date like 2026-11-28"), ErrorCode::BadRequest);
        return;
    }
    out = d;
}

void Reader::finish()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_seen.contains(it.key())) {
            m_errors << Error{ErrorCode::BadRequest, Tr::tr("is not a known field")}.at(
                    m_path.isEmpty() ? it.key() : m_path + QLatin1Char('.') + it.key());
        }
    }
}

Error Reader::error() const
{
    if (m_errors.isEmpty()) {
        return {};
    }
    Error first = m_errors.first();
    for (const Error &e : m_errors) {
        first.details << e.message;
    }
    return first;
}

QString Reader::mustBeOneOf(const QStringList &allowed)
{
    return Tr::tr("must be one of: %1").arg(allowed.join(QStringLiteral(", ")));
}

QString Reader::mustBeObject()
{
    return Tr::tr("must be an object");
}

QJsonValue Writer::uuid(const QUuid &id)
{
    return id.isNull() ? QJsonValue(QJsonValue::Null)
                       : QJsonValue(id.toString(QUuid::WithoutBraces));
}

QJsonValue Writer::timestamp(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QJsonValue Writer::date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace pos::json
