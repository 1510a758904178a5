// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushrecords.h"

#include "servers/common/sqlvalues.h"

#include "keyedcopy.h"
#include "masterversion.h"
#include "pulledpage.h"
#include "rowjson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

const QStringList kMovementColumns{"store_id", "product_id",    "kind",
                                   "reason",   "quantity",      "reference_id",
                                   "user_id",  "business_date", "occurred_at"};

// A record's own stock movements, found by the record they refer to.
PushPart movementsPart()
{
    QStringList columns = kMovementColumns;
    columns.removeOne(QStringLiteral("reference_id"));
    columns.prepend(QStringLiteral("id"));
    return {"stock_movements", "reference_id", columns, {}, {"id"}, {}};
}

QStringList assignments(const QStringList &columns)
{
    QStringList out;
    for (const QString &c : columns) {
        out << c + QStringLiteral(" = excluded.") + c;
    }
    return out;
}

QVariantList valuesOf(const QJsonObject &row, const QStringList &columns)
{
    QVariantList values;
    for (const QString &c : columns) {
        values << rowjson::toSql(row.value(c));
    }
    return values;
}

bool namesStore(const QJsonObject &row, const QString &column, const QUuid &storeId)
{
    return QUuid::fromString(row.value(column).toString()) == storeId;
}

// The same for a record read in place (PushBody).
bool namesStore(simdjson::dom::object row, const QString &column, const QUuid &storeId)
{
    std::string_view s;
    return row.at_key(column.toStdString()).get_string().get(s) == simdjson::SUCCESS
           && QUuid::fromString(QUtf8StringView(s.data(), static_cast<qsizetype>(s.size())))
                      == storeId;
}

// Every row of a record names the store that pushes it wherever it names a store.
template<typename Row>
Status checkStore(const Row &row, const QStringList &columns, const QUuid &storeId)
{
    if (columns.isEmpty()) {
        return {};
    }
    for (const QString &c : columns) {
        if (namesStore(row, c, storeId)) {
            return {};
        }
    }
    return fail(ErrorCode::Forbidden,
                Tr::tr("%1: names another store than the one pushing").arg(columns.join(u'/')));
}

// Where a part's rows name a store: its store_id, if it has one.
QStringList storeColumnOf(const PushPart &part)
{
    return part.columns.contains(QStringLiteral("store_id"))
                   ? QStringList{QStringLiteral("store_id")}
                   : QStringList{};
}

// Column names as simdjson looks them up.
std::vector<std::string> keysOf(const QStringList &columns)
{
    std::vector<std::string> out;
    for (const QString &c : columns) {
        out.push_back(c.toStdString());
    }
    return out;
}

// A pushed row's columns, in order, after the values already added to its table's row.
void addRow(TableRows &rows, simdjson::dom::object row, const std::vector<std::string> &columns)
{
    for (const std::string &c : columns) {
        rows.value(row.at_key(c));
    }
}

// A part's rows of one record, each after the record's id; a part the record leaves
// out has no rows, as in takeRecord().
Status addPartRows(TableRows &rows, const QString &recordId, const PushPart &part,
                   const std::vector<std::string> &columns, const PulledPage::Element &parts,
                   const QUuid &storeId)
{
    simdjson::dom::array items;
    if (parts.at_key(part.table).get_array().get(items) != simdjson::SUCCESS) {
        return {};
    }
    const QStringList storeColumn = storeColumnOf(part);
    for (const simdjson::dom::element item : items) {
        simdjson::dom::object partRow;
        if (item.get_object().get(partRow) != simdjson::SUCCESS) {
            return fail(ErrorCode::Validation,
                        Tr::tr("%1: a row is not an object").arg(QLatin1String(part.table)));
        }
        if (auto ok = checkStore(partRow, storeColumn, storeId); !ok) {
            return ok;
        }
        addRow(rows.value(QVariant(recordId)), partRow, columns);
    }
    return {};
}

QVariantList idList(const QList<QUuid> &ids)
{
    QVariantList out;
    for (const QUuid &id : ids) {
        out << sql::id(id);
    }
    return out;
}

// A row's columns from `first` on, as a JSON object.
void appendRow(QByteArray &out, const QSqlQuery &q, int first, const rowjson::RowShape &shape)
{
    for (qsizetype i = 0; i < shape.heads.size(); ++i) {
        out += shape.heads.at(i);
        rowjson::appendJson(out, q.value(first + static_cast<int>(i)), shape.booleans.at(i));
    }
    out += '}';
}

// A part's rows for many records at once, by the record they belong to: each record's
// rows as the comma-separated items of a JSON array.
Result<QHash<QUuid, QByteArray>> readParts(const QSqlDatabase &conn, const PushPart &part,
                                           const QList<QUuid> &ids)
{
    auto q = exec(conn,
                  QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IN (%4) ORDER BY %1, %5")
                          .arg(QLatin1String(part.parent), part.columns.join(QStringLiteral(", ")),
                               QLatin1String(part.table), sql::marks(ids.size()),
                               part.key.join(QStringLiteral(", "))),
                  idList(ids));
    if (!q) {
        return fail(q.error());
    }
    QHash<QUuid, QByteArray> rows;
    const rowjson::RowShape shape = rowjson::shapeOf(part.columns, part.booleans);
    while (q->next()) {
        QByteArray &items = rows[QUuid::fromString(q->value(0).toString())];
        if (!items.isEmpty()) {
            items += ',';
        }
        appendRow(items, *q, 1, shape);
    }
    return rows;
}

Status writePart(const Transaction &tx, const PushPart &part, const QUuid &id,
                 const QJsonArray &rows, const QUuid &storeId)
{
    const QString conflict = part.updatable.isEmpty()
                                     ? QStringLiteral("DO NOTHING")
                                     : QStringLiteral("DO UPDATE SET ")
                                               + assignments(part.updatable).join(u',');
    const QString statement = QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, %4) ON CONFLICT "
                                             "(%5) %6")
                                      .arg(QLatin1String(part.table), QLatin1String(part.parent),
                                           part.columns.join(QStringLiteral(", ")),
                                           sql::marks(part.columns.size()),
                                           part.key.join(QStringLiteral(", ")), conflict);
    const QStringList storeColumn = storeColumnOf(part);
    for (const auto &value : rows) {
        const QJsonObject row = value.toObject();
        if (auto ok = checkStore(row, storeColumn, storeId); !ok) {
            return ok;
        }
        auto q = tx.exec(statement, QVariantList{sql::id(id)} + valuesOf(row, part.columns));
        if (!q) {
            return fail(q.error());
        }
    }
    return {};
}

struct Held
{
    bool exists = false;
    QString status;
    QString fingerprint;
};

Result<Held> heldAtHq(const Transaction &tx, const PushKind &kind, const QUuid &id)
{
    auto q = tx.exec(QStringLiteral("SELECT %1, %2 FROM %3 WHERE id = ?")
                             .arg(QLatin1String(kind.status ? kind.status : "''"),
                                  QLatin1String(kind.fingerprint ? kind.fingerprint : "''"),
                                  QLatin1String(kind.table)),
                     {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return Held{};
    }
    return Held{true, q->value(0).toString(), q->value(1).toString()};
}

// An ordered stream takes sequence n only after n - 1 (or as the first HQ sees).
Status checkStream(const Transaction &tx, const PushKind &kind, const QJsonObject &row)
{
    if (!kind.stream) {
        return {};
    }
    auto q = tx.exec(QStringLiteral("SELECT MAX(sequence) FROM %1 WHERE %2 = ?")
                             .arg(QLatin1String(kind.table), QLatin1String(kind.stream)),
                     {row.value(QLatin1String(kind.stream)).toString()});
    if (!q || !q->next()) {
        return q ? Status{} : fail(q.error());
    }
    const qint64 sequence = row.value(QStringLiteral("sequence")).toInteger();
    if (!q->value(0).isNull() && sequence > q->value(0).toLongLong() + 1) {
        return fail(ErrorCode::Unavailable, Tr::tr("sequence %1 waits for %2")
                                                    .arg(sequence)
                                                    .arg(q->value(0).toLongLong() + 1));
    }
    return {};
}

Status insertRoot(const Transaction &tx, const PushKind &kind, const QUuid &id,
                  const QJsonObject &row)
{
    auto q = tx.exec(QStringLiteral("INSERT INTO %1 (id, %2) VALUES (?, %3)")
                             .arg(QLatin1String(kind.table), kind.columns.join(QStringLiteral(", ")),
                                  sql::marks(kind.columns.size())),
                     QVariantList{sql::id(id)} + valuesOf(row, kind.columns));
    return q ? Status{} : fail(q.error());
}

Status advanceRoot(const Transaction &tx, const PushKind &kind, const QUuid &id,
                   const QJsonObject &row)
{
    QStringList sets;
    for (const QString &c : kind.updatable) {
        sets << c + QStringLiteral(" = ?");
    }
    auto q = tx.exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                             .arg(QLatin1String(kind.table), sets.join(QStringLiteral(", "))),
                     valuesOf(row, kind.updatable) + QVariantList{sql::id(id)});
    return q ? Status{} : fail(q.error());
}

} // namespace

const QList<PushKind> &pushKinds()
{
    static const QList<PushKind> kinds{
            {"customer",
             "customers",
             {"code", "name", "name_folded", "email", "phone", "tax_id", "tax_exempt", "active"},
             {"tax_exempt", "active"},
             {},
             nullptr,
             {},
             {},
             nullptr,
             nullptr,
             true},
            {"session",
             "register_sessions",
             {"store_id", "register_id", "cashier_id", "sequence", "business_date", "opened_at",
              "closed_at", "opening_float", "status", "approved_by", "close_reason"},
             {},
             {"store_id"},
             "status",
             {"open", "closed"},
             {"closed_at", "status", "approved_by", "close_reason"},
             nullptr,
             "register_id"},
            {"transfer",
             "transfers",
             {"from_store_id", "to_store_id", "sequence", "status", "created_at", "sent_at",
              "received_at", "note", "resolution"},
             {},
             {"from_store_id", "to_store_id"},
             "status",
             {"draft", "in_transit", "received", "closed"},
             {"status", "received_at", "resolution"},
             nullptr,
             "from_store_id",
             true,
             {{"transfer_lines",
               "transfer_id",
               {"product_id", "sent", "received", "damaged"},
               {},
               {"transfer_id", "product_id"},
               {"received", "damaged"}},
              movementsPart()}},
            {"sale",
             "sales",
             {"store_id", "register_id", "session_id", "cashier_id", "customer_id", "sales_rep_id",
              "original_sale_id", "receipt_number", "kind", "status", "business_date", "created_at",
              "language", "ticket_discount", "subtotal", "tax_total", "total", "change_given",
              "content_hash"},
             {},
             {"store_id"},
             "status",
             {"completed", "voided"},
             {"status"},
             "content_hash",
             nullptr,
             false,
             {{"sale_lines",
               "sale_id",
               {"id", "line_no", "product_id", "description", "quantity", "unit_price", "discount",
                "total", "price_overridden", "original_line_id", "ticket_share"},
               {"price_overridden"},
               {"id"},
               {}},
              {"sale_payments", "sale_id", {"id", "tender_id", "amount", "reference"}, {}, {"id"}, {}},
              movementsPart()}},
            {"movement", "stock_movements", kMovementColumns, {}, {"store_id"}},
    };
    return kinds;
}

const PushKind *pushKind(const QString &kind)
{
    for (const PushKind &k : pushKinds()) {
        if (kind == QLatin1String(k.kind)) {
            return &k;
        }
    }
    return nullptr;
}

Result<QHash<QUuid, QByteArray>> readRecords(const QSqlDatabase &conn, const PushKind &kind,
                                             const QList<QUuid> &ids)
{
    QHash<QUuid, QByteArray> out;
    if (ids.isEmpty()) {
        return out;
    }
    auto q = exec(conn,
                  QStringLiteral("SELECT id, %1 FROM %2 WHERE id IN (%3)")
                          .arg(kind.columns.join(QStringLiteral(", ")), QLatin1String(kind.table),
                               sql::marks(ids.size())),
                  idList(ids));
    if (!q) {
        return fail(q.error());
    }
    const rowjson::RowShape shape = rowjson::shapeOf(kind.columns, kind.booleans);
    while (q->next()) {
        QByteArray data = "{\"row\":";
        appendRow(data, *q, 1, shape);
        data += ",\"parts\":{";
        out.insert(QUuid::fromString(q->value(0).toString()), data);
    }
    q->finish();
    for (qsizetype n = 0; n < kind.parts.size(); ++n) {
        const PushPart &part = kind.parts.at(n);
        auto rows = readParts(conn, part, ids);
        if (!rows) {
            return fail(rows.error());
        }
        for (auto it = out.begin(); it != out.end(); ++it) {
            *it += (n == 0 ? "\"" : ",\"") + QByteArray(part.table) + "\":[" + rows->value(it.key())
                   + ']';
        }
    }
    for (QByteArray &data : out) {
        data += "}}";
    }
    return out;
}

bool takesInBulk(const PushKind &kind)
{
    return kind.stream == nullptr;
}

Result<QSet<QUuid>> heldIds(const Transaction &tx, const PushKind &kind, const QList<QUuid> &ids)
{
    QSet<QUuid> held;
    if (ids.isEmpty()) {
        return held;
    }
    auto q = tx.exec(QStringLiteral("SELECT id FROM %1 WHERE id IN (%2)")
                             .arg(QLatin1String(kind.table), sql::marks(ids.size())),
                     idList(ids));
    if (!q) {
        return fail(q.error());
    }
    while (q->next()) {
        held.insert(QUuid::fromString(q->value(0).toString()));
    }
    return held;
}

Status insertNew(const Transaction &tx, const PushKind &kind, const QUuid &storeId,
                 const QList<std::pair<QUuid, simdjson::dom::object>> &records)
{
    QList<TableRows> tables{{tx.engine(), QLatin1String(kind.table),
                             QStringList{QStringLiteral("id")} + kind.columns}};
    QList<std::vector<std::string>> keys{keysOf(kind.columns)};
    for (const PushPart &part : kind.parts) {
        tables.append({tx.engine(), QLatin1String(part.table),
                       QStringList{QLatin1String(part.parent)} + part.columns});
        keys.append(keysOf(part.columns));
    }
    for (const auto &[id, data] : records) {
        simdjson::dom::object row;
        if (data.at_key("row").get_object().get(row) != simdjson::SUCCESS) {
            return fail(ErrorCode::Validation, Tr::tr("row: must be an object"));
        }
        if (auto ok = checkStore(row, kind.storeColumns, storeId); !ok) {
            return ok;
        }
        const QString idText = sql::id(id);
        addRow(tables.first().value(QVariant(idText)), row, keys.front());
        const PulledPage::Element parts = data.at_key("parts");
        for (qsizetype n = 0; n < kind.parts.size(); ++n) {
            if (auto ok = addPartRows(tables[n + 1], idText, kind.parts.at(n), keys.at(n + 1),
                                      parts, storeId);
                !ok) {
                return ok;
            }
        }
    }
    // New records only (the caller checked), so they go in by copy.
    if (auto ok = copyCheckingKeysOnce(tx, tables); !ok) {
        return ok;
    }
    for (const auto &[id, data] : records) {
        if (kind.routed) {
            if (auto ok = stampMasterVersion(tx, QLatin1String(kind.table), id); !ok) {
                return ok;
            }
        }
    }
    return {};
}

Result<Taken> takeRecord(const Transaction &tx, const PushKind &kind, const QUuid &storeId,
                         const QUuid &id, const QJsonObject &data)
{
    const QJsonObject row = data.value(QStringLiteral("row")).toObject();
    const QJsonObject parts = data.value(QStringLiteral("parts")).toObject();
    if (auto ok = checkStore(row, kind.storeColumns, storeId); !ok) {
        return fail(ok.error());
    }
    auto held = heldAtHq(tx, kind, id);
    if (!held) {
        return fail(held.error());
    }
    if (held->exists && kind.fingerprint != nullptr
        && held->fingerprint != row.value(QLatin1String(kind.fingerprint)).toString()) {
        return fail(ErrorCode::Conflict, Tr::tr("a different %1 was already received with this id")
                                                 .arg(QLatin1String(kind.kind)));
    }
    const auto rank = [&kind](const QString &status) {
        return kind.progress.indexOf(status);
    };
    const bool advances = held->exists && kind.status != nullptr
                          && rank(row.value(QLatin1String(kind.status)).toString())
                                     > rank(held->status);
    if (held->exists && !advances) {
        return Taken::Duplicate;
    }
    Status written = held->exists ? advanceRoot(tx, kind, id, row) : checkStream(tx, kind, row);
    if (written && !held->exists) {
        written = insertRoot(tx, kind, id, row);
    }
    for (const PushPart &part : kind.parts) {
        if (written) {
            written = writePart(tx, part, id, parts.value(QLatin1String(part.table)).toArray(),
                                storeId);
        }
    }
    if (written && kind.routed) {
        written = stampMasterVersion(tx, QLatin1String(kind.table), id);
    }
    if (!written) {
        return fail(written.error());
    }
    return held->exists ? Taken::Advanced : Taken::New;
}

} // namespace pos
