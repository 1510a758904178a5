// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages.h"

namespace pos {

using namespace json;

namespace {

template<typename V>
void fields(V &, Like<Empty> auto &)
{}

template<typename V>
void fields(V &v, Like<Health> auto &m)
{
    v.field("version", m.version, Text{1, 32});
    v.field("role", m.role, Text{1, 16});
    v.field("database", m.database);
}

template<typename V>
void fields(V &v, Like<LoginRequest> auto &m)
{
    v.field("username", m.username, Text{1, 64});
    v.field("password", m.password, Text{1, 256});
}

template<typename V>
void fields(V &v, Like<PinLoginRequest> auto &m)
{
    v.field("pin", m.pin, Text{4, 8});
    v.field("terminal_id", m.terminalId);
    v.field("terminal_secret", m.terminalSecret, Text{1, 128});
}

template<typename V>
void fields(V &v, Like<TerminalRequest> auto &m)
{
    v.field("id", m.id);
    v.field("name", m.name, Text{1, 64});
}

template<typename V>
void fields(V &v, Like<Terminal> auto &m)
{
    v.field("id", m.id);
    v.field("name", m.name, Text{1, 64});
    v.field("status", m.status, kTerminalStatusNames);
    v.field("secret", m.secret, Text{0, 128});
}

template<typename V>
void fields(V &v, Like<Session> auto &m)
{
    v.field("token", m.token, Text{1, 4096});
    v.field("expires_at", m.expiresAt);
    v.object("user", m.user);
    v.field("permissions", m.permissions, Items{0, 100}, Text{1, 64});
    v.field("store_id", m.storeId, Nullable::Yes);
}

constexpr Text kQueryText{0, 120, Presence::Optional};
constexpr Text kQueryNumber{0, 9, Presence::Optional};

template<typename V>
void fields(V &v, Like<ListQuery> auto &m)
{
    v.field("q", m.q, kQueryText);
    v.field("limit", m.limit, kQueryNumber);
    v.field("offset", m.offset, kQueryNumber);
}

template<typename V>
void fields(V &v, Like<NewUser> auto &m)
{
    v.object("user", m.user);
    v.field("password", m.password, Text{0, 256, Presence::Optional});
    v.field("pin", m.pin, Text{0, 8, Presence::Optional});
}

template<typename V>
void fields(V &v, Like<Id> auto &m)
{
    v.field("id", m.id);
}

template<typename V>
void fields(V &v, Like<NoSaleRequest> auto &m)
{
    v.field("reason", m.reason, Text{1, 200});
}

template<typename V>
void fields(V &v, Like<ProductImport> auto &m)
{
    v.field("csv", m.csv, Text{1, 32 << 20});
    v.field("mode", m.mode, kImportModeNames);
}

template<typename V>
void fields(V &v, Like<ImportProblem> auto &m)
{
    v.field("line", m.line);
    v.field("message", m.message, Text{0, 500});
}

template<typename V>
void fields(V &v, Like<ImportReport> auto &m)
{
    v.field("rows", m.rows);
    v.field("imported", m.imported);
    v.field("problems", m.problems, Items{0, 1000000});
}

template<typename V>
void fields(V &v, Like<ProductExport> auto &m)
{
    v.field("csv", m.csv, Text{0, 1 << 30});
}

template<typename V>
void fields(V &v, Like<StoreSyncStatus> auto &m)
{
    v.field("store_id", m.storeId);
    v.field("code", m.code, Text{0, 8});
    v.field("name", m.name, Text{0, 120});
    v.field("connected", m.connected);
    v.field("connected_since", m.connectedSince, Nullable::Yes);
    v.field("last_pull_at", m.lastPullAt, Nullable::Yes);
    v.field("credential_active", m.credentialActive);
    v.field("lag", m.lag, Count{0});
    v.field("last_push_at", m.lastPushAt, Nullable::Yes);
    v.field("pending", m.pending, Count{0});
    v.field("quarantined", m.quarantined, Count{0});
}

template<typename V>
void fields(V &v, Like<PushRecord> auto &m)
{
    v.field("kind", m.kind, Text{1, 20});
    v.field("id", m.id);
    v.field("revision", m.revision, Count{1});
    v.field("data", m.data);
}

template<typename V>
void fields(V &v, Like<PushBatch> auto &m)
{
    v.field("records", m.records, Items{1, 1000});
    v.field("pending", m.pending, Count{0});
}

template<typename V>
void fields(V &v, Like<PushResult> auto &m)
{
    v.field("kind", m.kind, Text{1, 20});
    v.field("id", m.id);
    v.field("revision", m.revision, Count{1});
    v.field("status", m.status, Text{1, 20});
    v.field("reason", m.reason, Text{0, 2000});
}

template<typename V>
void fields(V &v, Like<PushAnswer> auto &m)
{
    v.field("results", m.results, Items{0, 1000});
}

template<typename V>
void fields(V &v, Like<TransferItem> auto &m)
{
    v.field("product_id", m.productId);
    v.field("quantity", m.quantity, Measure{Zero::Refused, 1});
}

template<typename V>
void fields(V &v, Like<NewTransfer> auto &m)
{
    v.field("id", m.id);
    v.field("to_store_id", m.toStoreId);
    v.field("note", m.note, Text{0, 500, Presence::Optional});
    v.field("lines", m.lines, Items{1, 1000});
}

template<typename V>
void fields(V &v, Like<ReceivedItem> auto &m)
{
    v.field("product_id", m.productId);
    v.field("received", m.received, Measure{Zero::Allowed, 0});
    v.field("damaged", m.damaged, Measure{Zero::Allowed, 0});
}

template<typename V>
void fields(V &v, Like<TransferReceipt> auto &m)
{
    v.field("id", m.id);
    v.field("lines", m.lines, Items{1, 1000});
}

template<typename V>
void fields(V &v, Like<TransferResolution> auto &m)
{
    v.field("id", m.id);
    v.field("resolution", m.resolution, Text{1, 500});
}

template<typename V>
void fields(V &v, Like<QuarantinedRecord> auto &m)
{
    v.field("store_id", m.storeId);
    v.field("store_code", m.storeCode, Text{0, 8});
    v.field("kind", m.kind, Text{1, 20});
    v.field("id", m.id);
    v.field("reason", m.reason, Text{0, 2000});
    v.field("received_at", m.receivedAt);
    v.field("data", m.data);
}

template<typename V>
void fields(V &v, Like<SyncStatus> auto &m)
{
    v.field("stores", m.stores, Items{0, 100000});
}

template<typename V>
void fields(V &v, Like<SyncToken> auto &m)
{
    v.field("store_id", m.storeId);
    v.field("token", m.token, Text{1, 200});
}

template<typename V>
void fields(V &v, Like<SyncLogin> auto &m)
{
    v.field("token", m.token, Text{1, 200});
}

template<typename V>
void fields(V &v, Like<ChangeQuery> auto &m)
{
    v.field("cursor", m.cursor, Text{0, 200, Presence::Optional});
    v.field("limit", m.limit, kQueryNumber);
}

template<typename V>
void fields(V &v, Like<ReceiptQuery> auto &m)
{
    v.field("number", m.number, Text{1, 40});
}

template<typename V>
void fields(V &v, Like<StoreSetup> auto &m)
{
    v.object("store", m.store);
    v.field("registers", m.registers, Items{0, 500});
}

template<typename V>
void fields(V &v, Like<ScanQuery> auto &m)
{
    v.field("code", m.code, Text{1, 64});
}

template<typename V>
void fields(V &v, Like<ScanResult> auto &m)
{
    v.object("product", m.product);
    v.field("quantity", m.quantity, Measure{});
    v.field("unit_price", m.unitPrice);
    v.field("embedded", m.embedded);
}

template<typename V>
void fields(V &v, Like<BarcodeRuleModel> auto &m)
{
    v.field("id", m.id);
    v.field("prefix", m.rule.prefix, Text{1, 6});
    v.field("item_start", m.rule.itemStart, Count{0, 12});
    v.field("item_length", m.rule.itemLength, Count{1, 12});
    v.field("value_start", m.rule.valueStart, Count{0, 12});
    v.field("value_length", m.rule.valueLength, Count{1, 6});
    v.field("value", m.rule.value, kEmbeddedValueNames);
}

template<typename V>
void fields(V &v, Like<OpenSession> auto &m)
{
    v.field("id", m.id);
    v.field("register_id", m.registerId);
    v.field("opening_float", m.openingFloat);
}

template<typename V>
void fields(V &v, Like<StockLevel> auto &m)
{
    v.field("product_id", m.productId);
    v.field("store_id", m.storeId);
    v.field("on_hand", m.onHand, Measure{Zero::Allowed});
    v.field("last_count_at", m.lastCountAt, Nullable::Yes);
}

template<typename V>
void fields(V &v, Like<AuditCheck> auto &m)
{
    v.field("intact", m.intact);
    v.field("rows", m.rows);
    v.field("first_broken", m.firstBroken, Count{-1});
}

template<typename V>
void fields(V &v, Like<Denomination> auto &m)
{
    v.field("value", m.value, Amount{1});
    v.field("count", m.count, Count{0, 1000000});
}

template<typename V>
void fields(V &v, Like<TenderCount> auto &m)
{
    v.field("tender_id", m.tenderId);
    v.field("denominations", m.denominations, Items{0, 40});
    v.field("amount", m.amount);
}

template<typename V>
void fields(V &v, Like<CloseSession> auto &m)
{
    v.field("id", m.id);
    v.field("counts", m.counts, Items{0, 20});
    v.field("reason", m.reason, Text{0, 200, Presence::Optional});
}

constexpr Amount kSignedMoney{-(qint64(1) << 53), qint64(1) << 53};

template<typename V>
void fields(V &v, Like<TenderSummary> auto &m)
{
    v.field("tender_id", m.tenderId);
    v.field("name", m.name, Text{0, 120});
    v.field("expected", m.expected, kSignedMoney);
    v.field("counted", m.counted, kSignedMoney);
    v.field("difference", m.difference, kSignedMoney);
}

template<typename V>
void fields(V &v, Like<SessionReport> auto &m)
{
    v.field("session_id", m.sessionId);
    v.field("sales", m.sales);
    v.field("sales_total", m.salesTotal, kSignedMoney);
    v.field("tenders", m.tenders, Items{0, 40});
    v.field("difference", m.difference, kSignedMoney);
    v.field("closed", m.closed);
    v.field("approved_by", m.approvedBy, Nullable::Yes);
}

template<typename V>
void fields(V &v, Like<HeldTicket> auto &m)
{
    v.field("id", m.id);
    v.field("label", m.label, Text{0, 60});
    v.object("sale", m.sale);
    v.field("held_by", m.heldBy, Nullable::Yes);
    v.field("held_at", m.heldAt, Nullable::Yes);
}

template<typename V>
void fields(V &v, Like<VoidRequest> auto &m)
{
    v.field("id", m.id);
    v.field("register_id", m.registerId);
    v.field("reason", m.reason, Text{1, 200});
    v.field("total", m.total, kSignedMoney);
}

template<typename V>
void fields(V &v, Like<CashMovement> auto &m)
{
    v.field("id", m.id);
    v.field("session_id", m.sessionId);
    v.field("kind", m.kind, kCashMovementKindNames);
    v.field("amount", m.amount, Amount{1});
    v.field("reason", m.reason, Text{1, 200});
}

template<typename V>
void fields(V &v, Like<ReportQuery> auto &m)
{
    v.field("from", m.from, Text{10, 10});
    v.field("to", m.to, Text{10, 10});
    v.field("by", m.by, Text{1, 16});
}

template<typename V>
void fields(V &v, Like<ReportRow> auto &m)
{
    v.field("key", m.key, Text{0, 64});
    v.field("label", m.label, Text{0, 120});
    v.field("sales", m.sales);
    v.field("quantity", m.quantity, Measure{Zero::Allowed});
    v.field("amount", m.amount, kSignedMoney);
}

template<typename V>
void fields(V &v, Like<SalesReport> auto &m)
{
    v.field("by", m.by, Text{1, 16});
    v.field("from", m.from);
    v.field("to", m.to);
    v.field("rows", m.rows, Items{0, 100000});
    v.field("total", m.total, kSignedMoney);
}

template<typename V>
void fields(V &v, Like<Setting> auto &m)
{
    v.field("name", m.name, Text{1, 64});
    v.field("value", m.value, Text{0, 200});
}

} // namespace

POS_DEFINE_JSON(Empty)
POS_DEFINE_JSON(Health)
POS_DEFINE_JSON(LoginRequest)
POS_DEFINE_JSON(PinLoginRequest)
POS_DEFINE_JSON(TerminalRequest)
POS_DEFINE_JSON(Terminal)
POS_DEFINE_JSON(Session)
POS_DEFINE_JSON(ListQuery)
POS_DEFINE_JSON(NewUser)
POS_DEFINE_JSON(Id)
POS_DEFINE_JSON(NoSaleRequest)
POS_DEFINE_JSON(ProductImport)
POS_DEFINE_JSON(ImportProblem)
POS_DEFINE_JSON(ImportReport)
POS_DEFINE_JSON(ProductExport)
POS_DEFINE_JSON(StoreSyncStatus)
POS_DEFINE_JSON(SyncStatus)
POS_DEFINE_JSON(SyncToken)
POS_DEFINE_JSON(SyncLogin)
POS_DEFINE_JSON(ChangeQuery)
POS_DEFINE_JSON(PushRecord)
POS_DEFINE_JSON(PushBatch)
POS_DEFINE_JSON(PushResult)
POS_DEFINE_JSON(PushAnswer)
POS_DEFINE_JSON(QuarantinedRecord)
POS_DEFINE_JSON(TransferItem)
POS_DEFINE_JSON(NewTransfer)
POS_DEFINE_JSON(ReceivedItem)
POS_DEFINE_JSON(TransferReceipt)
POS_DEFINE_JSON(TransferResolution)
POS_DEFINE_JSON(ReceiptQuery)
POS_DEFINE_JSON(StoreSetup)
POS_DEFINE_JSON(ScanQuery)
POS_DEFINE_JSON(ScanResult)
POS_DEFINE_JSON(BarcodeRuleModel)
POS_DEFINE_JSON(OpenSession)
POS_DEFINE_JSON(StockLevel)
POS_DEFINE_JSON(AuditCheck)
POS_DEFINE_JSON(Denomination)
POS_DEFINE_JSON(TenderCount)
POS_DEFINE_JSON(CloseSession)
POS_DEFINE_JSON(TenderSummary)
POS_DEFINE_JSON(SessionReport)
POS_DEFINE_JSON(HeldTicket)
POS_DEFINE_JSON(VoidRequest)
POS_DEFINE_JSON(CashMovement)
POS_DEFINE_JSON(ReportQuery)
POS_DEFINE_JSON(ReportRow)
POS_DEFINE_JSON(SalesReport)
POS_DEFINE_JSON(Setting)

} // namespace pos
