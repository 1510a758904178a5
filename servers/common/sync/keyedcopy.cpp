// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyedcopy.h"

#include "servers/common/sqlvalues.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Sync)
};

// A single-column foreign key: child.column references parent.parentColumn.
struct ForeignKey
{
    QString child;
    QString column;
    QString parent;
    QString parentColumn;
};

// Whether this role may turn the foreign-key triggers off for its own transaction.
Result<bool> maySkipTriggers(const Transaction &tx)
{
    auto q = tx.exec(
            QStringLiteral("SELECT has_parameter_privilege('session_replication_role', 'SET')"));
    if (!q) {
        return fail(q.error());
    }
    return q->next() && q->value(0).toBool();
}

// The tables' foreign keys, and whether each is of one column (the others are left to
// the triggers).
struct ForeignKeys
{
    QList<ForeignKey> keys;
    bool singleColumn = true;
};

Result<ForeignKeys> foreignKeysOf(const Transaction &tx, const QList<TableRows> &tables)
{
    QVariantList names;
    for (const TableRows &t : tables) {
        names << t.table();
    }
    auto q = tx.exec(QStringLiteral("SELECT CAST(CAST(c.conrelid AS regclass) AS TEXT), "
                                    "a.attname, CAST(CAST(c.confrelid AS regclass) AS TEXT), "
                                    "pa.attname, cardinality(c.conkey) FROM pg_constraint c "
                                    "JOIN pg_attribute a ON a.attrelid = c.conrelid AND "
                                    "a.attnum = c.conkey[1] JOIN pg_attribute pa ON "
                                    "pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1] "
                                    "WHERE c.contype = 'f' AND CAST(CAST(c.conrelid AS "
                                    "regclass) AS TEXT) IN (%1)")
                             .arg(sql::marks(names.size())),
                     names);
    if (!q) {
        return fail(q.error());
    }
    ForeignKeys found;
    while (q->next()) {
        found.singleColumn = found.singleColumn && q->value(4).toInt() == 1;
        found.keys.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                           q->value(3).toString()});
    }
    return found;
}

// The ids each referenced table must hold: what the rows name, less what they brought.
// Nothing when a key's column is not one the rows keep (the triggers must check it).
std::optional<QHash<std::pair<QString, QString>, QSet<QString>>> referenced(
        const QList<TableRows> &tables, const QList<ForeignKey> &keys)
{
    QHash<std::pair<QString, QString>, QSet<QString>> wanted;
    for (const ForeignKey &k : keys) {
        for (const TableRows &t : tables) {
            if (t.table() != k.child) {
                continue;
            }
            const QSet<QString> *named = t.keys(k.column);
            if (named == nullptr) {
                return std::nullopt;
            }
            wanted[{k.parent, k.parentColumn}] += *named;
        }
    }
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        for (const TableRows &t : tables) {
            const QSet<QString> *brought = t.table() == it.key().first ? t.keys(it.key().second)
                                                                       : nullptr;
            if (brought != nullptr) {
                it.value() -= *brought;
            }
        }
    }
    return wanted;
}

// Every id present, each row locked as the foreign-key trigger would lock it, so that
// none can be deleted before this transaction ends.
Status present(const Transaction &tx, const QString &table, const QString &column,
               const QSet<QString> &ids)
{
    const QStringList all(ids.cbegin(), ids.cend());
    constexpr qsizetype kChunk = 1000;
    for (qsizetype at = 0; at < all.size(); at += kChunk) {
        const QStringList some = all.mid(at, kChunk);
        auto q = tx.exec(QStringLiteral("SELECT %2 FROM %1 WHERE %2 IN (%3) FOR KEY SHARE")
                                 .arg(table, column, sql::marks(some.size())),
                         QVariantList(some.cbegin(), some.cend()), Plan::PerCall);
        if (!q) {
            return fail(q.error());
        }
        QSet<QString> found;
        while (q->next()) {
            found.insert(q->value(0).toString());
        }
        for (const QString &id : some) {
            if (!found.contains(id)) {
                return fail(ErrorCode::Validation, Tr::tr("%1 %2 does not exist").arg(table, id));
            }
        }
    }
    return {};
}

Status copyAll(const Transaction &tx, const QList<TableRows> &tables)
{
    for (const TableRows &t : tables) {
        if (auto ok = tx.copy(t.table(), t.columns(), t.rows()); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace

TableRows::TableRows(Engine engine, QString table, QStringList columns)
    : m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_rows(engine, m_columns.size())
{
    for (const QString &c : std::as_const(m_columns)) {
        const bool key = c == QLatin1String("id") || c.endsWith(QLatin1String("_id"));
        m_keyOf << (key ? m_keys.size() : -1);
        if (key) {
            m_keys.append(QSet<QString>());
            m_lastKey.append(QString());
        }
    }
}

bool TableRows::isKey() const
{
    return m_keyOf.value(m_next, -1) >= 0;
}

void TableRows::noteKey(const QString &text)
{
    const qsizetype at = m_keyOf.value(m_next, -1);
    if (at >= 0 && text != m_lastKey.at(at)) {
        m_keys[at].insert(text);
        m_lastKey[at] = text;
    }
}

TableRows &TableRows::value(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined()) {
        m_rows.null();
    } else if (v.isBool()) {
        m_rows.boolean(v.toBool());
    } else if (v.isDouble()) {
        if (isKey()) {
            noteKey(QString::number(v.toInteger()));
        }
        m_rows.integer(v.toInteger());
    } else {
        const QString text = v.toString();
        noteKey(text);
        m_rows.text(text);
    }
    m_next = (m_next + 1) % m_columns.size();
    return *this;
}

TableRows &TableRows::value(const QVariant &v)
{
    if (!v.isNull() && isKey()) {
        noteKey(v.toString());
    }
    m_rows.value(v);
    m_next = (m_next + 1) % m_columns.size();
    return *this;
}

TableRows &TableRows::value(const PulledPage::Element &v)
{
    if (isKey()) {
        std::string_view s;
        if (v.get_string().get(s) == simdjson::SUCCESS) {
            noteKey(PulledPage::text(s));
        } else if (const QVariant number = PulledPage::toSql(v);
                   number.typeId() == QMetaType::LongLong) {
            noteKey(number.toString());
        }
    }
    PulledPage::addTo(m_rows, v);
    m_next = (m_next + 1) % m_columns.size();
    return *this;
}

const QSet<QString> *TableRows::keys(const QString &column) const
{
    const qsizetype at = m_keyOf.value(m_columns.indexOf(column), -1);
    return at >= 0 ? &m_keys.at(at) : nullptr;
}

Status copyCheckingKeysOnce(const Transaction &tx, const QList<TableRows> &tables)
{
    if (tx.engine() != Engine::PostgreSql) {
        return copyAll(tx, tables);
    }
    auto may = maySkipTriggers(tx);
    auto keys = may && *may ? foreignKeysOf(tx, tables) : Result<ForeignKeys>(ForeignKeys{});
    if (!may || !keys) {
        return fail(!may ? may.error() : keys.error());
    }
    const auto wanted = *may && keys->singleColumn ? referenced(tables, keys->keys) : std::nullopt;
    if (!wanted) {
        return copyAll(tx, tables);
    }
    // Setting the role resets the connection's cached plans; twice a batch is cheap next
    // to a trigger per row.
    auto off = tx.exec(QStringLiteral("SET LOCAL session_replication_role = replica"));
    Status ok = off ? copyAll(tx, tables) : Status(fail(off.error()));
    auto back = tx.exec(QStringLiteral("SET LOCAL session_replication_role = origin"));
    if (!ok || !back) {
        return !ok ? ok : fail(back.error());
    }
    for (auto it = wanted->cbegin(); it != wanted->cend() && ok; ++it) {
        ok = it.value().isEmpty() ? ok : present(tx, it.key().first, it.key().second, it.value());
    }
    return ok;
}

} // namespace pos
