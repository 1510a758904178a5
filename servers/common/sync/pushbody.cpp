// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushbody.h"

#include "pulledpage.h"

#include "core/model/json.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

QJsonValue toQt(simdjson::dom::element e);

QJsonObject toQt(simdjson::dom::object o)
{
    QJsonObject out;
    for (const auto [key, value] : o) {
        out.insert(PulledPage::text(key), toQt(value));
    }
    return out;
}

// A parsed value as QJsonDocument would have read it.
QJsonValue toQt(simdjson::dom::element e)
{
    switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
        const simdjson::dom::array items(e);
        QJsonArray out;
        for (const simdjson::dom::element item : items) {
            out.append(toQt(item));
        }
        return out;
    }
    case simdjson::dom::element_type::OBJECT:
        return toQt(simdjson::dom::object(e));
    case simdjson::dom::element_type::INT64:
        return static_cast<qint64>(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return static_cast<double>(e.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return e.get_double().value_unsafe();
    case simdjson::dom::element_type::STRING:
        return PulledPage::text(e.get_string().value_unsafe());
    case simdjson::dom::element_type::BOOL:
        return e.get_bool().value_unsafe();
    case simdjson::dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue::Null;
}

// A record as its codec reads it, with an empty object for data that is one; the data
// itself is kept aside.
QJsonValue envelopeOf(simdjson::dom::element record, QList<simdjson::dom::object> &data)
{
    simdjson::dom::object fields;
    if (record.get_object().get(fields) != simdjson::SUCCESS) {
        return toQt(record);
    }
    QJsonObject out;
    for (const auto [key, value] : fields) {
        simdjson::dom::object object;
        if (key == "data" && value.get_object().get(object) == simdjson::SUCCESS) {
            data << object;
            out.insert(QStringLiteral("data"), QJsonObject());
        } else {
            out.insert(PulledPage::text(key), toQt(value));
        }
    }
    return out;
}

} // namespace

Result<std::unique_ptr<const PushBody>> PushBody::parse(const QByteArray &json)
{
    auto body = std::make_unique<PushBody>();
    simdjson::dom::object top;
    if (body->m_parser.parse(json.constData(), static_cast<size_t>(json.size())).get_object().get(top)
        != simdjson::SUCCESS) {
        return fail(ErrorCode::BadRequest, Tr::tr("the batch must be a JSON object"));
    }
    QJsonObject envelope;
    for (const auto [key, value] : top) {
        if (key == "records" && value.is_array()) {
            const simdjson::dom::array items(value);
            QJsonArray records;
            for (const simdjson::dom::element record : items) {
                records.append(envelopeOf(record, body->m_data));
            }
            envelope.insert(QStringLiteral("records"), records);
        } else {
            envelope.insert(PulledPage::text(key), toQt(value));
        }
    }
    auto batch = json::parse<PushBatch>(envelope);
    if (!batch) {
        return fail(batch.error());
    }
    // The codec took only records with a data object, so each has its own.
    Q_ASSERT(batch->records.size() == body->m_data.size());
    body->m_batch = std::move(*batch);
    return body;
}

QByteArray PushBody::dataText(qsizetype i) const
{
    return QByteArray::fromStdString(simdjson::minify(m_data.at(i)));
}

QJsonObject PushBody::dataObject(qsizetype i) const
{
    return toQt(m_data.at(i));
}

} // namespace pos
