// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaseurl.h"

#include <QByteArray>
#include <QStringView>
#include <QUtf8StringView>
#include <QVariantList>

namespace pos {

// A value's text as both engines read it back, before any quoting or escaping.
QString valueText(const QVariant &v);

// New rows for copyRows(), kept as they will be sent: COPY's text format on PostgreSQL,
// values for SQLite's multi-row inserts. Written straight into COPY's text, a first
// pull's million products skip a QVariant, its text and a UTF-8 copy per value: most of
// what the store's writer did besides reading the page's JSON.
class CopyRows
{
public:
    CopyRows(Engine engine, qsizetype width);

    CopyRows &text(QStringView value);
    // A text already in UTF-8 (a JSON page's string, read in place).
    CopyRows &utf8(QUtf8StringView value);
    CopyRows &integer(qint64 value);
    CopyRows &boolean(bool value);
    CopyRows &null();
    // Any value a statement takes: a null QString is an empty text, as in literals.
    CopyRows &value(const QVariant &value);

    Engine engine() const { return m_engine; }
    qsizetype width() const { return m_width; }
    bool isEmpty() const { return m_fields == 0; }
    // Whether the last row has all its values.
    bool isWhole() const { return m_fields % m_width == 0; }
    // PostgreSQL: the rows as COPY ... FROM STDIN reads them.
    const QByteArray &copyText() const { return m_text; }
    // SQLite: the rows' values one after the other.
    const QVariantList &values() const { return m_values; }

private:
    void fieldDone(); // a tab after a value, a newline after a row's last
    void escaped(QByteArrayView utf8);

    Engine m_engine;
    qsizetype m_width;
    qsizetype m_fields = 0;
    QByteArray m_text;
    QVariantList m_values;
};

} // namespace pos
