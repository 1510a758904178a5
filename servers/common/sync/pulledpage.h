// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/error.h"
#include "core/db/copyrows.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <simdjson.h>

#include <memory>

namespace pos {

// One page of get_changes, parsed once and read in place (simdjson's DOM): in a store's
// first pull of a million products, QJsonDocument's parse was a quarter of the store
// server's work, freeing what it built an eighth and QJsonObject's lookups a fifth.
// Strings stay UTF-8 until a column needs them as text; a page's copy is written from
// them byte for byte.
class PulledPage
{
public:
    using Element = simdjson::simdjson_result<simdjson::dom::element>;

    static Result<std::shared_ptr<const PulledPage>> parse(const QByteArray &json);

    // Every change, each an object (parse() checks that much).
    simdjson::dom::array changes() const { return m_changes; }
    bool more() const { return m_more; }
    bool resnapshot() const { return m_resnapshot; }
    QString nextCursor() const { return m_nextCursor; }
    qint64 highWater() const { return m_highWater; }
    QString pinKey() const { return m_pinKey; }

    // A value as rowjson::toSql reads the same JSON: null when missing, numbers as
    // integers, anything but a scalar as an empty text.
    static QVariant toSql(const Element &value);
    // The same value added to rows bound for a copy, strings straight from the page.
    static void addTo(CopyRows &rows, const Element &value);
    // A string's text; empty for anything else.
    static QString text(const Element &value);
    // A string as simdjson gives it (a key, an item), as text.
    static QString text(std::string_view utf8)
    {
        return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    }
    // The same text added to rows bound for a copy, straight from the page.
    static void addText(CopyRows &rows, const Element &value);
    // Whether the value is JSON's true; false for anything else.
    static bool boolean(const Element &value);
    // The same for an item of a list, which is always there.
    static QVariant toSql(simdjson::dom::element value)
    {
        return toSql(Element(simdjson::dom::element(value)));
    }
    static void addTo(CopyRows &rows, simdjson::dom::element value)
    {
        addTo(rows, Element(simdjson::dom::element(value)));
    }
    static QString text(simdjson::dom::element value)
    {
        return text(Element(simdjson::dom::element(value)));
    }
    static void addText(CopyRows &rows, simdjson::dom::element value)
    {
        addText(rows, Element(simdjson::dom::element(value)));
    }

private:
    simdjson::dom::parser m_parser;
    simdjson::dom::array m_changes;
    bool m_more = false;
    bool m_resnapshot = false;
    QString m_nextCursor;
    qint64 m_highWater = 0;
    QString m_pinKey;
};

} // namespace pos
