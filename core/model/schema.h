// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "json.h"

// The third visitor over a model's field list: writes its JSON Schema (OpenAPI 3.0
// dialect), so the API document can never disagree with what the Reader accepts.
namespace pos::json {

class SchemaWriter
{
public:
    QJsonObject schema() const;

    void field(const char *key, const QString &, Text rule = {});
    void field(const char *key, const QStringList &, Items items, Text rule);
    void field(const char *key, bool);
    void field(const char *key, const QJsonObject &);
    void field(const char *key, qint64, Count rule = {});
    void field(const char *key, Money, Amount rule = {});
    void field(const char *key, Quantity, Measure rule = {});
    void field(const char *key, TaxRate);
    void field(const char *key, const QUuid &, Nullable nullable = Nullable::No);
    void field(const char *key, const QList<QUuid> &, Items items = {});
    void field(const char *key, const QDateTime &, Nullable nullable = Nullable::No);
    void field(const char *key, const QDate &, Nullable nullable = Nullable::No);

    template<typename E, typename Table>
        requires std::is_enum_v<E>
    void field(const char *key, E, const Table &names)
    {
        QJsonArray values;
        for (const auto &n : names) {
            values.append(QString::fromLatin1(n.name));
        }
        add(key,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                        {QStringLiteral("enum"), values}},
            Presence::Required);
    }

    template<typename T>
        requires std::is_class_v<T>
    void field(const char *key, const QList<T> &, Items items = {})
    {
        add(key, arrayOf(schemaOf<T>(), items), items.presence);
    }

    template<typename T>
    void object(const char *key, const T &)
    {
        add(key, schemaOf<T>(), Presence::Required);
    }

    template<typename T>
    static QJsonObject schemaOf()
    {
        SchemaWriter writer;
        const T sample{};
        describe(writer, sample);
        return writer.schema();
    }

private:
    void add(const char *key, const QJsonObject &schema, Presence presence);
    static QJsonObject arrayOf(const QJsonObject &items, Items rule);

    QJsonObject m_properties;
    QJsonArray m_required;
};

} // namespace pos::json
