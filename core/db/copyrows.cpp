// SPDX-License-Identifier: GPL-3.0-or-later
#include "copyrows.h"

#include "core/base/text.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>

namespace pos {

QString valueText(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QMetaType::QDateTime:
        return v.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::QDate:
        return v.toDate().toString(Qt::ISODate);
    default:
        return v.toString();
    }
}

namespace {

// The characters that would end a COPY field or row, or start an escape.
constexpr bool special(char16_t c)
{
    return c == u'\\' || c == u'\t' || c == u'\n' || c == u'\r';
}

} // namespace

CopyRows::CopyRows(Engine engine, qsizetype width)
    : m_engine(engine)
    , m_width(std::max<qsizetype>(width, 1))
{}

void CopyRows::fieldDone()
{
    ++m_fields;
    if (m_engine == Engine::PostgreSql) {
        m_text += m_fields % m_width == 0 ? '\n' : '\t';
    }
}

void CopyRows::escaped(QByteArrayView utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            m_text += "\\\\";
            break;
        case '\t':
            m_text += "\\t";
            break;
        case '\n':
            m_text += "\\n";
            break;
        case '\r':
            m_text += "\\r";
            break;
        default:
            m_text += c;
        }
    }
}

CopyRows &CopyRows::text(QStringView value)
{
    if (m_engine != Engine::PostgreSql) {
        m_values << value.toString();
        fieldDone();
        return *this;
    }
    // Codes, names and ids are ASCII with nothing to escape nearly always: those go in
    // a character at a time, with no UTF-8 copy made first.
    const bool plain = std::ranges::all_of(value, [](QChar c) {
        return c.unicode() < 0x80 && !special(c.unicode());
    });
    if (plain) {
        appendAscii(m_text, value);
    } else {
        escaped(value.toUtf8());
    }
    fieldDone();
    return *this;
}

CopyRows &CopyRows::utf8(QUtf8StringView value)
{
    const QByteArrayView bytes(value.data(), value.size());
    if (m_engine != Engine::PostgreSql) {
        m_values << value.toString();
    } else if (std::ranges::none_of(bytes, [](char c) {
                   return special(static_cast<unsigned char>(c));
               })) {
        m_text += bytes;
    } else {
        escaped(bytes);
    }
    fieldDone();
    return *this;
}

CopyRows &CopyRows::integer(qint64 value)
{
    if (m_engine == Engine::PostgreSql) {
        m_text += QByteArray::number(value);
    } else {
        m_values << value;
    }
    fieldDone();
    return *this;
}

CopyRows &CopyRows::boolean(bool value)
{
    if (m_engine == Engine::PostgreSql) {
        m_text += value ? 't' : 'f';
    } else {
        m_values << value;
    }
    fieldDone();
    return *this;
}

CopyRows &CopyRows::null()
{
    if (m_engine == Engine::PostgreSql) {
        m_text += "\\N";
    } else {
        m_values << QVariant();
    }
    fieldDone();
    return *this;
}

CopyRows &CopyRows::value(const QVariant &v)
{
    if (m_engine != Engine::PostgreSql) {
        m_values << v;
        fieldDone();
        return *this;
    }
    if (v.isNull()) {
        return v.typeId() == QMetaType::QString ? text(QStringView()) : null();
    }
    switch (v.typeId()) {
    case QMetaType::Bool:
        return boolean(v.toBool());
    case QMetaType::QByteArray:
        m_text += "\\\\x" + v.toByteArray().toHex();
        fieldDone();
        return *this;
    case QMetaType::QString:
        return text(v.toString());
    default:
        return text(valueText(v));
    }
}

} // namespace pos
