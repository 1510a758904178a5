// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/catalog.h"
#include "core/model/organisation.h"
#include "core/model/sales.h"
#include "core/model/schema.h"
#include "core/model/stock.h"

#include "core/base/barcode.h"

// Request and response bodies of the API that are not domain models themselves.
namespace pos {

struct Empty
{
    bool operator==(const Empty &) const = default;
};

struct Health
{
    QString version;
    QString role; // "hq" or "store"
    bool database = false;
    bool operator==(const Health &) const = default;
};

struct LoginRequest
{
    QString username;
    QString password;
};

// PIN logins are for registered terminals only: the till proves which one it is.
struct PinLoginRequest
{
    QString pin;
    QUuid terminalId;
    QString terminalSecret;
};

// A till asking to be registered with its store server; a manager approves it.
struct TerminalRequest
{
    QUuid id;
    QString name;
};

enum class TerminalStatus { Pending, Approved, Revoked };
inline constexpr json::EnumName<TerminalStatus> kTerminalStatusNames[]{
        {TerminalStatus::Pending, "pending"},
        {TerminalStatus::Approved, "approved"},
        {TerminalStatus::Revoked, "revoked"},
};

struct Terminal
{
    QUuid id;
    QString name;
    TerminalStatus status = TerminalStatus::Pending;
    QString secret; // only in the answer to the request: the till keeps it in its keychain
};

// What a successful login returns: the bearer token and who it speaks for.
struct Session
{
    QString token;
    QDateTime expiresAt;
    User user;
    QStringList permissions;
    QUuid storeId; // null at HQ
};

// Query parameters of list commands. They arrive as URL strings on both bindings.
struct ListQuery
{
    QString q;      // search text, prefix or contained, accents and case ignored
    QString limit;  // digits, default 50, at most 500
    QString offset; // digits, default 0
};

// A user as created by an administrator: the model plus the secrets it never returns.
struct NewUser
{
    User user;
    QString password; // empty: no password login
    QString pin;      // empty: no PIN login; otherwise 4 to 8 digits
};

struct Id
{
    QUuid id;
};

struct NoSaleRequest
{
    QString reason;
};

// A store's sync credential: "<store id>.<secret>", given once by rotate_sync_token.
struct SyncToken
{
    QUuid storeId;
    QString token;
};

struct SyncLogin
{
    QString token;
};

// Products as CSV (see docs/api.md for the columns).
enum class ImportMode { AllOrNothing, GoodRows };
inline constexpr json::EnumName<ImportMode> kImportModeNames[]{
        {ImportMode::AllOrNothing, "all_or_nothing"},
        {ImportMode::GoodRows, "good_rows"},
};

struct ProductImport
{
    QString csv;
    ImportMode mode = ImportMode::AllOrNothing;
};

struct ImportProblem
{
    qint64 line = 0;
    QString message;
};

struct ImportReport
{
    qint64 rows = 0;
    qint64 imported = 0;
    QList<ImportProblem> problems; // by line number; empty when every row was good
};

struct ProductExport
{
    QString csv;
};

// One store as the sync dashboard shows it.
struct StoreSyncStatus
{
    QUuid storeId;
    QString code;
    QString name;
    bool connected = false;   // its hint WebSocket is open now
    QDateTime connectedSince; // null when not connected
    QDateTime lastPullAt;     // null before its first pull
    bool credentialActive = false;
    qint64 lag = 0;         // master versions HQ has that the store has not pulled yet
    QDateTime lastPushAt;   // null before its first push
    qint64 pending = 0;     // records its outbox still held at its last push
    qint64 quarantined = 0; // records HQ refused, kept here until resolved
};

struct SyncStatus
{
    QList<StoreSyncStatus> stores;
};

// One record a store pushes: a sale, register session, stock movement, transfer or
// customer, as its rows (`data`), with the outbox revision the acknowledgement names.
struct PushRecord
{
    QString kind;
    QUuid id;
    qint64 revision = 1;
    QJsonObject data;
};

struct PushBatch
{
    QList<PushRecord> records;
    qint64 pending = 0; // what the outbox holds, this batch included
};

// HQ's word on one record: ok, duplicate, rejected (quarantined) or retry (try later).
struct PushResult
{
    QString kind;
    QUuid id;
    qint64 revision = 1;
    QString status;
    QString reason;
};

struct PushAnswer
{
    QList<PushResult> results;
};

// A record HQ refused, as the sync dashboard lists it.
struct QuarantinedRecord
{
    QUuid storeId;
    QString storeCode;
    QString kind;
    QUuid id;
    QString reason;
    QDateTime receivedAt;
    QJsonObject data;
};

// A transfer as the sending store asks for it: what goes where.
struct TransferItem
{
    QUuid productId;
    Quantity quantity;
};

struct NewTransfer
{
    QUuid id; // born here, so a send repeated sends once
    QUuid toStoreId;
    QString note;
    QList<TransferItem> lines;
};

// What arrived of each line; what neither arrived nor came damaged is missing.
struct ReceivedItem
{
    QUuid productId;
    Quantity received;
    Quantity damaged;
};

struct TransferReceipt
{
    QUuid id;
    QList<ReceivedItem> lines;
};

// HQ settles a transfer whose counts differ (found, written off, charged to the carrier).
struct TransferResolution
{
    QUuid id;
    QString resolution;
};

// A pull of master data: changes after a cursor (empty: from the start), a page at a time.
struct ChangeQuery
{
    QString cursor;
    QString limit; // digits, default 1000, at most 5000
};

// A sale looked up by what is printed on it (a return starts from the receipt).
struct ReceiptQuery
{
    QString number;
};

// What a till needs to know of the store it sells for.
struct StoreSetup
{
    Store store;
    QList<Register> registers;
};

struct ScanQuery
{
    QString code;
};

// What a scanned code rings up: the product, and for in-store labels the weight or
// price printed on them.
struct ScanResult
{
    Product product;
    Quantity quantity;
    Money unitPrice;
    bool embedded = false;
};

inline constexpr json::EnumName<EmbeddedValue> kEmbeddedValueNames[]{
        {EmbeddedValue::Price, "price"},
        {EmbeddedValue::Weight, "weight"},
};

struct BarcodeRuleModel
{
    QUuid id;
    BarcodeRule rule;
};

struct OpenSession
{
    QUuid id;
    QUuid registerId;
    Money openingFloat;
};

struct StockLevel
{
    QUuid productId;
    QUuid storeId;
    Quantity onHand;       // the last count plus every movement after it; may be negative
    QDateTime lastCountAt; // null when never counted
};

struct AuditCheck
{
    bool intact = true;
    qint64 rows = 0;
    qint64 firstBroken = -1; // seq of the first row whose hash does not hold
};

// One kind of note or coin and how many were counted.
struct Denomination
{
    Money value;
    qint64 count = 0;
};

// What the cashier counted for one tender: cash by denomination, others as one amount.
struct TenderCount
{
    QUuid tenderId;
    QList<Denomination> denominations;
    Money amount; // for tenders counted as a total (card slips, vouchers)
};

// A blind close: the counts go in before the cashier sees what was expected.
struct CloseSession
{
    QUuid id;
    QList<TenderCount> counts;
    QString reason; // required when the difference needs a manager
};

struct TenderSummary
{
    QUuid tenderId;
    QString name;
    Money expected;
    Money counted;
    Money difference; // counted - expected: over is positive, short negative
};

// Expected money per tender for a session (X report), and after a close the counts and
// differences too (Z report).
struct SessionReport
{
    QUuid sessionId;
    qint64 sales = 0;
    Money salesTotal;
    QList<TenderSummary> tenders;
    Money difference;
    bool closed = false;
    QUuid approvedBy; // the manager who signed off a difference, may be null
};

// A ticket parked at one register, to be finished at any register of the store.
struct HeldTicket
{
    QUuid id;
    QString label; // what the cashier called it: "lady in red coat"
    Sale sale;     // the ticket as it stood, status "held"
    QUuid heldBy;  // filled in by the store
    QDateTime heldAt;
};

// Why a ticket was voided: in progress (never stored) or after it was completed.
struct VoidRequest
{
    QUuid id; // the ticket's id
    QUuid registerId;
    QString reason;
    Money total; // what it came to, for the audit
};

enum class CashMovementKind { PaidIn, PaidOut, Drop };
inline constexpr json::EnumName<CashMovementKind> kCashMovementKindNames[]{
        {CashMovementKind::PaidIn, "paid_in"},
        {CashMovementKind::PaidOut, "paid_out"},
        {CashMovementKind::Drop, "drop"},
};

// Cash put into or taken out of a drawer without a sale: a float top-up, a delivery paid
// from the till, a drop to the safe.
struct CashMovement
{
    QUuid id;
    QUuid sessionId;
    CashMovementKind kind = CashMovementKind::PaidIn;
    Money amount;
    QString reason;
};

// A local report's question: business dates from..to (inclusive) and the grouping.
struct ReportQuery
{
    QString from; // YYYY-MM-DD
    QString to;
    QString by; // hour, department, product, cashier or tender
};

struct ReportRow
{
    QString key;
    QString label;
    qint64 sales = 0;  // tickets that contributed
    Quantity quantity; // units or kilos sold (department and product only)
    Money amount;      // what the customers paid, discounts taken off
};

struct SalesReport
{
    QString by;
    QDate from;
    QDate to;
    QList<ReportRow> rows;
    Money total; // the sum of the rows: what the tickets in the range came to
};

// One store setting a manager may change (the over/short threshold of a register close).
struct Setting
{
    QString name;
    QString value;
};

template<typename T>
struct Page
{
    QList<T> items;
    qint64 nextOffset = -1; // -1: this was the last page
    bool operator==(const Page &) const = default;
};

template<typename P>
concept IsPage = requires(P &p) {
    p.items;
    p.nextOffset;
};

template<typename V, typename P>
    requires IsPage<std::remove_const_t<P>>
void describe(V &v, P &page)
{
    v.field("items", page.items, json::Items{0, 500});
    v.field("next_offset", page.nextOffset, json::Count{-1});
}

POS_DECLARE_JSON(Empty)
POS_DECLARE_JSON(Health)
POS_DECLARE_JSON(LoginRequest)
POS_DECLARE_JSON(PinLoginRequest)
POS_DECLARE_JSON(TerminalRequest)
POS_DECLARE_JSON(Terminal)
POS_DECLARE_JSON(Session)
POS_DECLARE_JSON(ListQuery)
POS_DECLARE_JSON(NewUser)
POS_DECLARE_JSON(Id)
POS_DECLARE_JSON(NoSaleRequest)
POS_DECLARE_JSON(ProductImport)
POS_DECLARE_JSON(ImportProblem)
POS_DECLARE_JSON(ImportReport)
POS_DECLARE_JSON(ProductExport)
POS_DECLARE_JSON(StoreSyncStatus)
POS_DECLARE_JSON(SyncStatus)
POS_DECLARE_JSON(SyncToken)
POS_DECLARE_JSON(SyncLogin)
POS_DECLARE_JSON(ChangeQuery)
POS_DECLARE_JSON(PushRecord)
POS_DECLARE_JSON(PushBatch)
POS_DECLARE_JSON(PushResult)
POS_DECLARE_JSON(PushAnswer)
POS_DECLARE_JSON(QuarantinedRecord)
POS_DECLARE_JSON(TransferItem)
POS_DECLARE_JSON(NewTransfer)
POS_DECLARE_JSON(ReceivedItem)
POS_DECLARE_JSON(TransferReceipt)
POS_DECLARE_JSON(TransferResolution)
POS_DECLARE_JSON(ReceiptQuery)
POS_DECLARE_JSON(StoreSetup)
POS_DECLARE_JSON(ScanQuery)
POS_DECLARE_JSON(ScanResult)
POS_DECLARE_JSON(BarcodeRuleModel)
POS_DECLARE_JSON(OpenSession)
POS_DECLARE_JSON(StockLevel)
POS_DECLARE_JSON(AuditCheck)
POS_DECLARE_JSON(Denomination)
POS_DECLARE_JSON(TenderCount)
POS_DECLARE_JSON(CloseSession)
POS_DECLARE_JSON(TenderSummary)
POS_DECLARE_JSON(SessionReport)
POS_DECLARE_JSON(HeldTicket)
POS_DECLARE_JSON(VoidRequest)
POS_DECLARE_JSON(CashMovement)
POS_DECLARE_JSON(ReportQuery)
POS_DECLARE_JSON(ReportRow)
POS_DECLARE_JSON(SalesReport)
POS_DECLARE_JSON(Setting)

} // namespace pos
