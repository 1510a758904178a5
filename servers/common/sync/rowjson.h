// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/copyrows.h"
#include "servers/common/sqlvalues.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QDate>
#include <QJsonValue>
#include <QVariant>

// How a row's columns travel between servers: the same migrations make the same tables on
// both sides, so a row is its column values as JSON, written and read back alike on both
// engines (timestamps in UTC with milliseconds, dates as YYYY-MM-DD, booleans as JSON
// booleans although SQLite stores them as integers).
namespace pos::rowjson {

inline QJsonValue fromSql(const QVariant &value, bool boolean)
{
    if (value.isNull()) {
        return QJsonValue::Null;
    }
    if (boolean) {
        return value.toBool();
    }
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return value.toString();
    case QMetaType::QDateTime:
        return sql::timestampText(value.toDateTime());
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    default:
        return value.toLongLong();
    }
}

inline QVariant toSql(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined()) {
        return QVariant();
    }
    if (v.isBool()) {
        return v.toBool();
    }
    if (v.isDouble()) {
        return v.toInteger();
    }
    return v.toString();
}

// Appends fromSql(value, boolean) as JSON text without building a QJsonValue: what
// QJsonDocument would read back as the same value. The push encodes a batch's thousands
// of rows this way; building them as QJsonObjects and writing those out was half the
// store's work in a push.
void appendJson(QByteArray &out, const QVariant &value, bool boolean);

// A row's columns as JSON: the text before each value ("name": after a { or a comma),
// made once per statement, and which columns are booleans.
struct RowShape
{
    QByteArrayList heads;
    QList<bool> booleans;
};

RowShape shapeOf(const QStringList &columns, const QStringList &booleans);

} // namespace pos::rowjson
