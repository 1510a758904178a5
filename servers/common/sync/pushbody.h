// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"
#include "core/base/error.h"

#include <QByteArray>
#include <QJsonObject>

#include <simdjson.h>

#include <memory>

namespace pos {

// A store's push_records body, parsed once on HQ's worker and read in place (simdjson's
// DOM). A batch of 1,000 sales is some 5 MB of JSON: QJsonDocument's parse of it took
// HQ's main thread about 30 ms, and the QJsonObject lookups that turned its rows into
// COPY text most of the worker's 50 to 70 ms, with every other batch waiting behind.
//
// Everything but the records' data goes through PushBatch's codec, so a body is checked
// (and refused) exactly as the command table describes it; the data, an object for each
// record, is read from the parse.
class PushBody
{
public:
    static Result<std::unique_ptr<const PushBody>> parse(const QByteArray &json);

    // The batch as its codec read it, each record's data left empty.
    const PushBatch &batch() const { return m_batch; }
    // Record i's data, {row, parts: {table: [rows]}}.
    simdjson::dom::object data(qsizetype i) const { return m_data.at(i); }
    // The same as compact JSON text, and as a QJsonObject for the one-at-a-time path.
    QByteArray dataText(qsizetype i) const;
    QJsonObject dataObject(qsizetype i) const;

private:
    simdjson::dom::parser m_parser;
    PushBatch m_batch;
    QList<simdjson::dom::object> m_data;
};

} // namespace pos
