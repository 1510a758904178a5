// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

namespace pos::json {

namespace {

QJsonObject typed(const char *type)
{
    return QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)}};
}

QJsonObject integer(qint64 min, qint64 max, const char *description)
{
    QJsonObject s = typed("integer");
    s.insert(QStringLiteral("format"), QStringLiteral("int64"));
    s.insert(QStringLiteral("minimum"), double(min));
    s.insert(QStringLiteral("maximum"), double(max));
    if (description != nullptr) {
        s.insert(QStringLiteral("description"), QString::fromLatin1(description));
    }
    return s;
}

QJsonObject formatted(const char *format, Nullable nullable)
{
    QJsonObject s = typed("string");
    s.insert(QStringLiteral("format"), QString::fromLatin1(format));
    if (nullable == Nullable::Yes) {
        s.insert(QStringLiteral("nullable"), true);
    }
    return s;
}

QJsonObject text(Text rule)
{
    QJsonObject s = typed("string");
    s.insert(QStringLiteral("minLength"), rule.min);
    s.insert(QStringLiteral("maxLength"), rule.max);
    return s;
}

constexpr qint64 kJsonSafe = qint64(1) << 53;

} // namespace

QJsonObject SchemaWriter::schema() const
{
    QJsonObject s = typed("object");
    s.insert(QStringLiteral("properties"), m_properties);
    if (!m_required.isEmpty()) {
        s.insert(QStringLiteral("required"), m_required);
    }
    s.insert(QStringLiteral("additionalProperties"), false);
    return s;
}

void SchemaWriter::add(const char *key, const QJsonObject &schema, Presence presence)
{
    m_properties.insert(QString::fromLatin1(key), schema);
    if (presence == Presence::Required) {
        m_required.append(QString::fromLatin1(key));
    }
}

QJsonObject SchemaWriter::arrayOf(const QJsonObject &items, Items rule)
{
    QJsonObject s = typed("array");
    s.insert(QStringLiteral("items"), items);
    s.insert(QStringLiteral("minItems"), rule.min);
    s.insert(QStringLiteral("maxItems"), rule.max);
    return s;
}

void SchemaWriter::field(const char *key, const QString &, Text rule)
{
    add(key, text(rule), rule.presence);
}

void SchemaWriter::field(const char *key, const QStringList &, Items items, Text rule)
{
    add(key, arrayOf(text(rule), items), items.presence);
}

void SchemaWriter::field(const char *key, const QJsonObject &)
{
    add(key, typed("object"), Presence::Required);
}

void SchemaWriter::field(const char *key, bool)
{
    add(key, typed("boolean"), Presence::Required);
}

void SchemaWriter::field(const char *key, qint64, Count rule)
{
    add(key, integer(rule.min, rule.max, nullptr), rule.presence);
}

void SchemaWriter::field(const char *key, Money, Amount rule)
{
    add(key,
        integer(std::max(rule.min, -kJsonSafe), std::min(rule.max, kJsonSafe),
                "minor units (cents)"),
        rule.presence);
}

void SchemaWriter::field(const char *key, Quantity, Measure rule)
{
    QJsonObject s = integer(rule.min, rule.max, "thousandths (1.250 kg is 1250)");
    if (rule.zero == Zero::Refused) {
        s.insert(QStringLiteral("not"), QJsonObject{{QStringLiteral("enum"), QJsonArray{0}}});
    }
    add(key, s, Presence::Required);
}

void SchemaWriter::field(const char *key, TaxRate)
{
    QJsonObject s = typed("string");
    s.insert(QStringLiteral("pattern"), QStringLiteral("^\\d{1,4}(\\.\\d{1,5})?$"));
    s.insert(QStringLiteral("description"), QStringLiteral("percent, exact: \"16\", \"9.975\""));
    add(key, s, Presence::Required);
}

void SchemaWriter::field(const char *key, const QUuid &, Nullable nullable)
{
    add(key, formatted("uuid", nullable),
        nullable == Nullable::Yes ? Presence::Optional : Presence::Required);
}

void SchemaWriter::field(const char *key, const QList<QUuid> &, Items items)
{
    add(key, arrayOf(formatted("uuid", Nullable::No), items), items.presence);
}

void SchemaWriter::field(const char *key, const QDateTime &, Nullable nullable)
{
    add(key, formatted("date-time", nullable),
        nullable == Nullable::Yes ? Presence::Optional : Presence::Required);
}

void SchemaWriter::field(const char *key, const QDate &, Nullable nullable)
{
    add(key, formatted("date", nullable),
        nullable == Nullable::Yes ? Presence::Optional : Presence::Required);
}

} // namespace pos::json
