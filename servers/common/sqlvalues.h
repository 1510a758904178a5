// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QVariant>

// How service code writes ids into SQL parameters, the same way everywhere.
namespace pos::sql {

inline QString id(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

// A null UUID is SQL NULL (an invalid QVariant binds as NULL on both drivers).
inline QVariant idOrNull(const QUuid &u)
{
    return u.isNull() ? QVariant() : QVariant(id(u));
}

// A timestamp column read back: PostgreSQL gives a QDateTime, SQLite the ISO text we wrote.
inline QDateTime timestamp(const QVariant &v)
{
    return v.metaType().id() == QMetaType::QDateTime
                   ? v.toDateTime().toUTC()
                   : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// The one text form timestamps are written in: UTC with milliseconds ("...T14:32:05.123Z").
inline QString timestampText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// "?, ?, ?": `n` placeholders, for an IN list or a row's values (empty for none).
inline QString marks(qsizetype n)
{
    return n <= 0 ? QString() : QStringLiteral("?") + QStringLiteral(", ?").repeated(n - 1);
}

// "(?, ?), (?, ?)": the VALUES of a multi-row insert, `rows` groups of `columns` placeholders.
inline QString rows(qsizetype rows, qsizetype columns)
{
    const QString one = QStringLiteral("(?") + QStringLiteral(", ?").repeated(columns - 1)
                        + QLatin1Char(')');
    return one + (QStringLiteral(", ") + one).repeated(rows - 1);
}

} // namespace pos::sql
