// SPDX-License-Identifier: GPL-3.0-or-later
#include "servers/common/catalog/setupservice.h"
#include "servers/common/catalog/mastertable.h"
#include "servers/common/sqlvalues.h"
#include "servers/common/sync/masterversion.h"

#include "servers/common/auditlog.h"
#include "servers/common/dispatcher.h"

#include <QCoreApplication>

namespace pos {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pos::Server)
};

template<typename T>
QString nameOf(T value, const auto &table)
{
    return json::enumName(value, table);
}

// One write and its audit row in one transaction.
// A master row (table, id) also takes the next master version, for sync.
struct MasterRow
{
    QString table;
    QUuid id;
};

Status audited(CallContext &c, const QString &action, const QJsonObject &what, const QString &sql,
               const QVariantList &values, const std::optional<MasterRow> &master = {})
{
    auto tx = Transaction::begin(c.db);
    if (!tx) {
        return fail(tx.error());
    }
    if (auto q = tx->exec(sql, values); !q) {
        return fail(q.error());
    }
    if (master) {
        if (auto ok = stampMasterVersion(*tx, master->table, master->id); !ok) {
            return ok;
        }
    }
    if (auto ok = appendAudit(*tx, c, {action, {}, what, {}}); !ok) {
        return fail(ok.error());
    }
    return tx->commit();
}

// Stores and registers are master data like the rest: written with their audit row and
// master version, listed by code or name.
const MasterTable<Store>
        kStores{"stores",
                "store.changed",
                {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("address"),
                 QStringLiteral("time_zone"), QStringLiteral("currency"),
                 QStringLiteral("price_mode"), QStringLiteral("tax_scope"),
                 QStringLiteral("rounding"), QStringLiteral("active")},
                [](const Store &s) -> QVariantList {
                    return {s.code,
                            s.name,
                            s.address,
                            s.timeZone,
                            s.currency,
                            nameOf(s.priceMode, kPriceModeNames),
                            nameOf(s.taxScope, kRoundingScopeNames),
                            nameOf(s.rounding, kRoundingNames),
                            s.active};
                },
                [](const QSqlQuery &q) {
                    return Store{QUuid::fromString(q.value(0).toString()),
                                 q.value(1).toString(),
                                 q.value(2).toString(),
                                 q.value(3).toString(),
                                 q.value(4).toString(),
                                 q.value(5).toString(),
                                 json::enumFromName(q.value(6).toString(), kPriceModeNames,
                                                    PriceMode::TaxInclusive),
                                 json::enumFromName(q.value(7).toString(), kRoundingScopeNames,
                                                    RoundingScope::PerLine),
                                 json::enumFromName(q.value(8).toString(), kRoundingNames,
                                                    Rounding::HalfUp),
                                 q.value(9).toBool()};
                },
                "code",
                "code",
                [](const QString &q) {
                    return q.toUpper();
                }};

const MasterTable<Register> kRegisters{"registers",
                                       "register.changed",
                                       {QStringLiteral("store_id"), QStringLiteral("number"),
                                        QStringLiteral("name"), QStringLiteral("active")},
                                       [](const Register &r) -> QVariantList {
                                           return {sql::id(r.storeId), r.number, r.name, r.active};
                                       },
                                       [](const QSqlQuery &q) {
                                           return Register{QUuid::fromString(q.value(0).toString()),
                                                           QUuid::fromString(q.value(1).toString()),
                                                           q.value(2).toLongLong(),
                                                           q.value(3).toString(),
                                                           q.value(4).toBool()};
                                       },
                                       "store_id, number",
                                       "name",
                                       [](const QString &q) {
                                           return q;
                                       }};

Result<BarcodeRuleModel> putRule(CallContext &c, const BarcodeRuleModel &m)
{
    const BarcodeRule &r = m.rule;
    if (r.itemStart + r.itemLength > 12 || r.valueStart + r.valueLength > 12
        || r.prefix.size() > r.itemStart) {
        return fail(ErrorCode::Validation,
                    Tr::tr("the prefix, item and value must fit in the first 12 digits without "
                           "overlapping the prefix"));
    }
    auto ok = audited(
            c, QStringLiteral("barcode_rule.changed"), json::write(m),
            QStringLiteral(
                    "INSERT INTO barcode_rules (id, prefix, item_start, item_length, value_start, "
                    "value_length, value_kind) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                    "UPDATE SET prefix = excluded.prefix, item_start = excluded.item_start, "
                    "item_length = excluded.item_length, value_start = excluded.value_start, "
                    "value_length = excluded.value_length, value_kind = excluded.value_kind"),
            {sql::id(m.id), r.prefix, r.itemStart, r.itemLength, r.valueStart, r.valueLength,
             nameOf(r.value, kEmbeddedValueNames)},
            MasterRow{QStringLiteral("barcode_rules"), m.id});
    return ok ? Result<BarcodeRuleModel>(m) : fail(ok.error());
}

// Only these settings are changed through the API; the others (the PIN key) never are.
Result<Setting> putSetting(CallContext &c, const Setting &setting)
{
    if (setting.name != QLatin1String("close_threshold_cents")) {
        return fail(ErrorCode::Validation,
                    Tr::tr("name: %1 is not a setting that can be changed").arg(setting.name));
    }
    bool ok = false;
    const qint64 cents = setting.value.toLongLong(&ok);
    if (!ok || cents < 0 || cents > 10'000'000) {
        return fail(ErrorCode::Validation, Tr::tr("value: must be a whole number of cents"));
    }
    auto written = audited(
            c, QStringLiteral("setting.changed"), json::write(setting),
            QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO "
                           "UPDATE SET value = excluded.value"),
            {setting.name, QString::number(cents)});
    return written ? Result<Setting>(setting) : fail(written.error());
}

Result<QList<Register>> registersOf(Database &db, const QUuid &storeId)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT id, number, name, active FROM registers WHERE store_id = ? "
                          "AND deleted = FALSE ORDER BY number"),
                  {sql::id(storeId)});
    if (!q) {
        return fail(q.error());
    }
    QList<Register> registers;
    while (q->next()) {
        registers.append(Register{QUuid::fromString(q->value(0).toString()), storeId,
                                  q->value(1).toLongLong(), q->value(2).toString(),
                                  q->value(3).toBool()});
    }
    return registers;
}

Result<StoreSetup> getStore(CallContext &c, const Empty &)
{
    auto store = storeById(c.db, c.server.storeId);
    if (!store) {
        return fail(store.error());
    }
    auto registers = registersOf(c.db, c.server.storeId);
    if (!registers) {
        return fail(registers.error());
    }
    return StoreSetup{*store, *registers};
}

} // namespace

QString storeColumns(const QString &alias)
{
    return QStringLiteral("%1code, %1name, %1address, %1time_zone, %1currency, %1price_mode, "
                          "%1tax_scope, %1rounding, %1active")
            .arg(alias.isEmpty() ? QString() : alias + QLatin1Char('.'));
}

Store storeAt(const QSqlQuery &q, int at, const QUuid &id)
{
    return Store{id,
                 q.value(at).toString(),
                 q.value(at + 1).toString(),
                 q.value(at + 2).toString(),
                 q.value(at + 3).toString(),
                 q.value(at + 4).toString(),
                 json::enumFromName(q.value(at + 5).toString(), kPriceModeNames,
                                    PriceMode::TaxInclusive),
                 json::enumFromName(q.value(at + 6).toString(), kRoundingScopeNames,
                                    RoundingScope::PerLine),
                 json::enumFromName(q.value(at + 7).toString(), kRoundingNames, Rounding::HalfUp),
                 q.value(at + 8).toBool()};
}

QString registerColumns(const QString &alias)
{
    return QStringLiteral("%1store_id, %1number, %1name, %1active")
            .arg(alias.isEmpty() ? QString() : alias + QLatin1Char('.'));
}

Register registerAt(const QSqlQuery &q, int at, const QUuid &id)
{
    return Register{id, QUuid::fromString(q.value(at).toString()), q.value(at + 1).toLongLong(),
                    q.value(at + 2).toString(), q.value(at + 3).toBool()};
}

Result<Store> storeById(Database &db, const QUuid &id)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT %1 FROM stores WHERE id = ? AND deleted = FALSE")
                          .arg(storeColumns()),
                  {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("this store is not set up yet"));
    }
    return storeAt(*q, 0, id);
}

Result<Register> registerById(Database &db, const QUuid &id)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral("SELECT %1 FROM registers WHERE id = ?").arg(registerColumns()),
                  {sql::id(id)});
    if (!q) {
        return fail(q.error());
    }
    if (!q->next()) {
        return fail(ErrorCode::NotFound, Tr::tr("no such register"));
    }
    return registerAt(*q, 0, id);
}

Result<QList<BarcodeRule>> barcodeRules(Database &db)
{
    auto conn = db.connection();
    if (!conn) {
        return fail(conn.error());
    }
    auto q = exec(*conn,
                  QStringLiteral(
                          "SELECT prefix, item_start, item_length, value_start, value_length, "
                          "value_kind FROM barcode_rules WHERE deleted = FALSE ORDER BY prefix"));
    if (!q) {
        return fail(q.error());
    }
    QList<BarcodeRule> rules;
    while (q->next()) {
        rules.append(BarcodeRule{q->value(0).toString(), q->value(1).toLongLong(),
                                 q->value(2).toLongLong(), q->value(3).toLongLong(),
                                 q->value(4).toLongLong(),
                                 json::enumFromName(q->value(5).toString(), kEmbeddedValueNames,
                                                    EmbeddedValue::Price)});
    }
    return rules;
}

void registerSetupHandlers(Dispatcher &dispatcher)
{
    dispatcher.add(QStringLiteral("get_store"), typed<Empty, StoreSetup>(getStore));
    bindMaster(dispatcher, "put_store", "get_stores", nullptr, kStores);
    bindMaster(dispatcher, "put_register", "get_registers", nullptr, kRegisters);
    dispatcher.add(QStringLiteral("put_setting"), typed<Setting, Setting>(putSetting));
    dispatcher.add(QStringLiteral("put_barcode_rule"),
                   typed<BarcodeRuleModel, BarcodeRuleModel>(putRule));
}

} // namespace pos
