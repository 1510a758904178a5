// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowjson.h"

#include "core/base/text.h"

#include <algorithm>

namespace pos::rowjson {

namespace {

// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
// Codes, names and ids are ASCII with nothing to escape nearly always: those are copied
// with no UTF-8 copy made first (one per value was a tenth of HQ's work in a first pull).
void appendString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const bool plain = std::ranges::all_of(text, [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\';
    });
    out += '"';
    if (plain) {
        appendAscii(out, text);
        out += '"';
        return;
    }
    for (const char c : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void appendDigits(QByteArray &out, int value, int width)
{
    char digits[4];
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(digits, width);
}

// sql::timestampText's form, written digit by digit: QDateTime::toString goes through
// printf for each field, a tenth of the store's work in a push.
void appendTimestamp(QByteArray &out, const QDateTime &t)
{
    const QDateTime utc = t.toUTC();
    const QDate d = utc.date();
    const QTime time = utc.time();
    if (d.year() < 1 || d.year() > 9999) {
        appendString(out, sql::timestampText(t));
        return;
    }
    out += '"';
    appendDigits(out, d.year(), 4);
    out += '-';
    appendDigits(out, d.month(), 2);
    out += '-';
    appendDigits(out, d.day(), 2);
    out += 'T';
    appendDigits(out, time.hour(), 2);
    out += ':';
    appendDigits(out, time.minute(), 2);
    out += ':';
    appendDigits(out, time.second(), 2);
    out += '.';
    appendDigits(out, time.msec(), 3);
    out += "Z\"";
}

} // namespace

void appendJson(QByteArray &out, const QVariant &value, bool boolean)
{
    if (value.isNull()) {
        out += "null";
    } else if (boolean) {
        out += value.toBool() ? "true" : "false";
    } else {
        switch (value.metaType().id()) {
        case QMetaType::QString:
            appendString(out, value.toString());
            break;
        case QMetaType::QDateTime:
            appendTimestamp(out, value.toDateTime());
            break;
        case QMetaType::QDate:
            appendString(out, value.toDate().toString(Qt::ISODate));
            break;
        default:
            out += QByteArray::number(value.toLongLong());
        }
    }
}

RowShape shapeOf(const QStringList &columns, const QStringList &booleans)
{
    RowShape shape;
    for (const QString &c : columns) {
        shape.heads << (shape.heads.isEmpty() ? "{\"" : ",\"") + c.toLatin1() + "\":";
        shape.booleans << booleans.contains(c);
    }
    return shape;
}

} // namespace pos::rowjson
