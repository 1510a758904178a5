// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/taxrate.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

#include <concepts>
#include <limits>
#include <optional>
#include <type_traits>

// Strict JSON codecs for the domain models. Each model lists its fields once, in a
// describe(visitor, model) function; the Reader, the Writer (and later the schema
// generator) are visitors, so parsing and writing can never drift apart.
namespace pos::json {

enum class Presence { Required, Optional };

// Rules a field's value must keep. Defaults are the common case.
struct Text
{
    int min = 0;
    int max = 255;
    Presence presence = Presence::Required;
};
struct Amount
{
    qint64 min = 0; // money is never negative unless a field says so
    qint64 max = std::numeric_limits<qint64>::max();
    Presence presence = Presence::Required;
};
struct Count // plain integers: sequences, register numbers
{
    qint64 min = 0;
    qint64 max = (qint64(1) << 53);
    Presence presence = Presence::Required;
};
enum class Zero { Allowed, Refused };
struct Measure // quantities
{
    Zero zero = Zero::Refused;
    qint64 min = -(qint64(1) << 53);
    qint64 max = (qint64(1) << 53);
};
struct Items // lists
{
    int min = 0;
    int max = 1000;
    Presence presence = Presence::Required;
};
enum class Nullable { No, Yes }; // for ids, dates and timestamps that may be null

template<typename E>
struct EnumName
{
    E value;
    const char *name;
};

// True when P is T or const T: lets one describe() serve reading and writing.
template<typename P, typename T>
concept Like = std::same_as<std::remove_const_t<P>, T>;

template<typename E, typename Table>
QString enumName(E value, const Table &names)
{
    for (const auto &n : names) {
        if (n.value == value) {
            return QString::fromLatin1(n.name);
        }
    }
    return {};
}

// The value named `name` in a table of EnumName, or `fallback` when none is: for columns
// written by our own code, where a stranger cannot appear.
template<typename E, typename Table>
E enumFromName(const QString &name, const Table &names, E fallback)
{
    for (const auto &n : names) {
        if (name == QLatin1String(n.name)) {
            return n.value;
        }
    }
    return fallback;
}

// Reads a JSON object into a model, collecting every problem with its field path.
class SchemaWriter;

class Reader
{
public:
    Reader(const QJsonObject &object, QString path);

    void field(const char *key, QString &out, Text rule = {});
    void field(const char *key, QStringList &out, Items items, Text rule);
    void field(const char *key, bool &out);
    void field(const char *key, QJsonObject &out); // free-form: checked by its own reader
    void field(const char *key, qint64 &out, Count rule = {});
    void field(const char *key, Money &out, Amount rule = {});
    void field(const char *key, Quantity &out, Measure rule = {});
    void field(const char *key, TaxRate &out);
    void field(const char *key, QUuid &out, Nullable nullable = Nullable::No);
    void field(const char *key, QList<QUuid> &out, Items items = {});
    void field(const char *key, QDateTime &out, Nullable nullable = Nullable::No);
    void field(const char *key, QDate &out, Nullable nullable = Nullable::No);

    template<typename E, typename Table>
        requires std::is_enum_v<E>
    void field(const char *key, E &out, const Table &names)
    {
        const QJsonValue v = take(key, Presence::Required);
        if (v.isUndefined()) {
            return;
        }
        for (const auto &n : names) {
            if (v.toString() == QLatin1String(n.name)) {
                out = n.value;
                return;
            }
        }
        QStringList allowed;
        for (const auto &n : names) {
            allowed << QString::fromLatin1(n.name);
        }
        problem(key, mustBeOneOf(allowed));
    }

    // A list of nested models, each described by its own describe().
    template<typename T>
        requires std::is_class_v<T>
    void field(const char *key, QList<T> &out, Items items = {})
    {
        const QJsonValue v = take(key, items.presence);
        if (v.isUndefined() || !checkArray(key, v, items)) {
            return;
        }
        const QJsonArray array = v.toArray();
        out.clear();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString elementPath = childPath(key) + QStringLiteral("[%1]").arg(i);
            if (!array[i].isObject()) {
                m_errors << Error{ErrorCode::BadRequest, mustBeObject()}.at(elementPath);
                continue;
            }
            Reader nested(array[i].toObject(), elementPath);
            T item;
            describe(nested, item);
            nested.finish();
            m_errors << nested.m_errors;
            out.append(std::move(item));
        }
    }

    // One nested model, described by its own describe().
    template<typename T>
    void object(const char *key, T &out)
    {
        const QJsonValue v = take(key, Presence::Required);
        if (v.isUndefined()) {
            return;
        }
        if (!v.isObject()) {
            problem(key, mustBeObject(), ErrorCode::BadRequest);
            return;
        }
        Reader nested(v.toObject(), childPath(key));
        describe(nested, out);
        nested.finish();
        m_errors << nested.m_errors;
    }

    // Rejects fields the model does not know, so typos never pass silently.
    void finish();
    bool ok() const { return m_errors.isEmpty(); }
    // The first problem as the error, every problem in its details.
    Error error() const;

private:
    QJsonValue take(const char *key, Presence presence);
    QJsonValue takeNullable(const char *key, Nullable nullable);
    QString childPath(const char *key) const;
    void problem(const char *key, const QString &message, ErrorCode code = ErrorCode::Validation);
    bool checkArray(const char *key, const QJsonValue &v, Items items);
    std::optional<qint64> integer(const char *key, const QJsonValue &v);
    static QString mustBeOneOf(const QStringList &allowed);
    static QString mustBeObject();

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_seen;
    QList<Error> m_errors;
};

// Writes a model as JSON: money and quantities as integers of minor units and
// thousandths, ids as bare UUIDs, timestamps as ISO 8601 UTC with milliseconds.
class Writer
{
public:
    QJsonObject object() const { return m_object; }

    template<typename... Rule>
    void field(const char *key, const QString &v, Rule...)
    {
        put(key, v);
    }
    template<typename... Rule>
    void field(const char *key, const QStringList &v, Rule...)
    {
        put(key, QJsonArray::fromStringList(v));
    }
    void field(const char *key, bool v) { put(key, v); }
    void field(const char *key, const QJsonObject &v) { put(key, v); }
    template<typename... Rule>
    void field(const char *key, qint64 v, Rule...)
    {
        put(key, v);
    }
    template<typename... Rule>
    void field(const char *key, Money v, Rule...)
    {
        put(key, v.minor());
    }
    template<typename... Rule>
    void field(const char *key, Quantity v, Rule...)
    {
        put(key, v.milli());
    }
    void field(const char *key, TaxRate v) { put(key, v.toPercentString()); }
    template<typename... Rule>
    void field(const char *key, const QUuid &v, Rule...)
    {
        put(key, uuid(v));
    }
    template<typename... Rule>
    void field(const char *key, const QList<QUuid> &v, Rule...);
    template<typename... Rule>
    void field(const char *key, const QDateTime &v, Rule...)
    {
        put(key, timestamp(v));
    }
    template<typename... Rule>
    void field(const char *key, const QDate &v, Rule...)
    {
        put(key, date(v));
    }

    template<typename E, typename Table>
        requires std::is_enum_v<E>
    void field(const char *key, E v, const Table &names)
    {
        put(key, enumName(v, names));
    }

    template<typename T, typename... Rule>
        requires std::is_class_v<T>
    void field(const char *key, const QList<T> &items, Rule...)
    {
        QJsonArray array;
        for (const T &item : items) {
            Writer nested;
            describe(nested, item);
            array.append(nested.m_object);
        }
        put(key, array);
    }

    template<typename T>
    void object(const char *key, const T &model)
    {
        Writer nested;
        describe(nested, model);
        put(key, nested.m_object);
    }

    static QJsonValue uuid(const QUuid &id);
    static QJsonValue timestamp(const QDateTime &t);
    static QJsonValue date(const QDate &d);

private:
    void put(const char *key, const QJsonValue &value)
    {
        m_object.insert(QLatin1String(key), value);
    }
    QJsonObject m_object;
};

template<typename... Rule>
void Writer::field(const char *key, const QList<QUuid> &v, Rule...)
{
    QJsonArray array;
    for (const QUuid &id : v) {
        array.append(uuid(id));
    }
    put(key, array);
}

// Parses one model strictly. The path prefixes every error ("lines[2].quantity: ...").
template<typename T>
Result<T> parse(const QJsonValue &value, const QString &path = {})
{
    if (!value.isObject()) {
        return fail(Error{ErrorCode::BadRequest,
                          QCoreApplication::translate("pos::json", "must be an object")}
                            .at(path.isEmpty() ? QStringLiteral("body") : path));
    }
    Reader reader(value.toObject(), path);
    T model;
    describe(reader, model);
    reader.finish();
    if (!reader.ok()) {
        return fail(reader.error());
    }
    return model;
}

template<typename T>
QJsonObject write(const T &model)
{
    Writer writer;
    describe(writer, model);
    return writer.object();
}

} // namespace pos::json

// Declares the codec of a model next to its struct; POS_DEFINE_JSON in the .cpp forwards
// both directions to that file's one fields(visitor, model) list.
// NOLINTBEGIN(bugprone-macro-parentheses): Type is a type name; parentheses would break it.
#define POS_DECLARE_JSON(Type) \
    void describe(::pos::json::Reader &visitor, Type &model); \
    void describe(::pos::json::Writer &visitor, const Type &model); \
    void describe(::pos::json::SchemaWriter &visitor, const Type &model);

#define POS_DEFINE_JSON(Type) \
    void describe(::pos::json::Reader &visitor, Type &model) \
    { \
        fields(visitor, model); \
    } \
    void describe(::pos::json::Writer &visitor, const Type &model) \
    { \
        fields(visitor, model); \
    } \
    void describe(::pos::json::SchemaWriter &visitor, const Type &model) \
    { \
        fields(visitor, model); \
    }
// NOLINTEND(bugprone-macro-parentheses)
