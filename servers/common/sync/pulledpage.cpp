// SPDX-License-Identifier: GPL-3.0-or-later
#include "pulledpage.h"

#include <QCoreApplication>

#include <cmath>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

// A number as QJsonValue::toInteger() reads it: a double without a fraction, in range.
qint64 integerOf(const simdjson::dom::element &e)
{
    if (int64_t i = 0; e.get_int64().get(i) == simdjson::SUCCESS) {
        return i;
    }
    double d = 0;
    if (e.get_double().get(d) != simdjson::SUCCESS || d != std::trunc(d) || std::abs(d) >= 9.2e18) {
        return 0;
    }
    return static_cast<qint64>(d);
}

// The value, or null when the row leaves it out (as QJsonObject::value gives Undefined).
const simdjson::dom::element *present(const PulledPage::Element &value)
{
    return value.error() == simdjson::SUCCESS && !value.value_unsafe().is_null()
                   ? &value.value_unsafe()
                   : nullptr;
}

} // namespace

Result<std::shared_ptr<const PulledPage>> PulledPage::parse(const QByteArray &json)
{
    auto page = std::make_shared<PulledPage>();
    simdjson::dom::object top;
    if (page->m_parser.parse(json.constData(), static_cast<size_t>(json.size())).get_object().get(top)
        != simdjson::SUCCESS) {
        return fail(ErrorCode::BadRequest, Tr::tr("the page of changes is not a JSON object"));
    }
    if (top.at_key("changes").get_array().get(page->m_changes) != simdjson::SUCCESS) {
        return fail(ErrorCode::BadRequest, Tr::tr("the page of changes has no list of changes"));
    }
    for (const simdjson::dom::element change : page->m_changes) {
        if (!change.is_object()) {
            return fail(ErrorCode::BadRequest, Tr::tr("a change of the page is not an object"));
        }
    }
    page->m_more = boolean(top.at_key("more"));
    page->m_resnapshot = boolean(top.at_key("resnapshot"));
    page->m_nextCursor = text(top.at_key("next_cursor"));
    page->m_pinKey = text(top.at_key("pin_key"));
    const Element highWater = top.at_key("high_water");
    if (const auto *high = present(highWater)) {
        page->m_highWater = integerOf(*high);
    }
    return page;
}

QVariant PulledPage::toSql(const Element &value)
{
    const simdjson::dom::element *e = present(value);
    if (e == nullptr) {
        return {};
    }
    if (e->is_bool()) {
        return boolean(value);
    }
    if (e->is_number()) {
        return integerOf(*e);
    }
    return text(value);
}

void PulledPage::addTo(CopyRows &rows, const Element &value)
{
    const simdjson::dom::element *e = present(value);
    std::string_view s;
    if (e == nullptr) {
        rows.null();
    } else if (e->is_bool()) {
        rows.boolean(boolean(value));
    } else if (e->is_number()) {
        rows.integer(integerOf(*e));
    } else if (e->get_string().get(s) == simdjson::SUCCESS) {
        rows.utf8(QUtf8StringView(s.data(), static_cast<qsizetype>(s.size())));
    } else {
        rows.text(QStringView());
    }
}

QString PulledPage::text(const Element &value)
{
    const simdjson::dom::element *e = present(value);
    std::string_view s;
    return e != nullptr && e->get_string().get(s) == simdjson::SUCCESS ? text(s) : QString();
}

void PulledPage::addText(CopyRows &rows, const Element &value)
{
    const simdjson::dom::element *e = present(value);
    std::string_view s;
    if (e != nullptr && e->get_string().get(s) == simdjson::SUCCESS) {
        rows.utf8(QUtf8StringView(s.data(), static_cast<qsizetype>(s.size())));
    } else {
        rows.text(QStringView());
    }
}

bool PulledPage::boolean(const Element &value)
{
    const simdjson::dom::element *e = present(value);
    bool b = false;
    return e != nullptr && e->get_bool().get(b) == simdjson::SUCCESS && b;
}

} // namespace pos
