// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "json.h"

// Stock is a ledger of movements; transfers, purchase orders and HQ worksheets feed it.
namespace pos {

enum class MovementKind { Sale, Return, Adjustment, Count, TransferOut, TransferIn, Receiving };
inline constexpr json::EnumName<MovementKind> kMovementKindNames[]{
        {MovementKind::Sale, "sale"},
        {MovementKind::Return, "return"},
        {MovementKind::Adjustment, "adjustment"},
        {MovementKind::Count, "count"},
        {MovementKind::TransferOut, "transfer_out"},
        {MovementKind::TransferIn, "transfer_in"},
        {MovementKind::Receiving, "receiving"},
};

enum class MovementReason { None, Damage, Theft, Expiry, Correction };
inline constexpr json::EnumName<MovementReason> kMovementReasonNames[]{
        {MovementReason::None, "none"},
        {MovementReason::Damage, "damage"},
        {MovementReason::Theft, "theft"},
        {MovementReason::Expiry, "expiry"},
        {MovementReason::Correction, "correction"},
};

// One change to on-hand stock. A count carries the counted quantity and supersedes
// every earlier movement of that product at that store; all others are deltas.
struct StockMovement
{
    QUuid id;
    QUuid storeId;
    QUuid productId;
    MovementKind kind = MovementKind::Adjustment;
    MovementReason reason = MovementReason::None;
    Quantity quantity;
    QUuid referenceId; // the sale, transfer or purchase order behind it, may be null
    QUuid userId;      // may be null for automatic movements
    QDate businessDate;
    QDateTime occurredAt;
    bool operator==(const StockMovement &) const = default;
};

struct TransferLine
{
    QUuid productId;
    Quantity sent;
    Quantity received; // filled in line by line at the receiving store
    Quantity damaged;
    bool operator==(const TransferLine &) const = default;
};

enum class TransferStatus { Draft, InTransit, Received, Closed };
inline constexpr json::EnumName<TransferStatus> kTransferStatusNames[]{
        {TransferStatus::Draft, "draft"},
        {TransferStatus::InTransit, "in_transit"},
        {TransferStatus::Received, "received"},
        {TransferStatus::Closed, "closed"},
};

struct Transfer
{
    QUuid id;
    QUuid fromStoreId;
    QUuid toStoreId;
    qint64 sequence = 1; // per sending store: HQ refuses gaps
    TransferStatus status = TransferStatus::Draft;
    QDateTime createdAt;
    QDateTime sentAt;     // null until sent
    QDateTime receivedAt; // null until received
    QString note;
    QString resolution; // how HQ settled a difference; empty while open
    QList<TransferLine> lines;
    bool operator==(const Transfer &) const = default;
};

struct PurchaseOrderLine
{
    QUuid productId;
    Quantity ordered;
    Quantity received;
    Money unitCost;
    bool operator==(const PurchaseOrderLine &) const = default;
};

enum class PurchaseOrderStatus { Draft, Submitted, PartiallyReceived, Received, Cancelled };
inline constexpr json::EnumName<PurchaseOrderStatus> kPurchaseOrderStatusNames[]{
        {PurchaseOrderStatus::Draft, "draft"},
        {PurchaseOrderStatus::Submitted, "submitted"},
        {PurchaseOrderStatus::PartiallyReceived, "partially_received"},
        {PurchaseOrderStatus::Received, "received"},
        {PurchaseOrderStatus::Cancelled, "cancelled"},
};

struct PurchaseOrder
{
    QUuid id;
    QString number;
    QUuid supplierId;
    QUuid storeId;
    PurchaseOrderStatus status = PurchaseOrderStatus::Draft;
    QDateTime createdAt;
    QDate expectedDate; // may be null
    QString note;
    QList<PurchaseOrderLine> lines;
    bool operator==(const PurchaseOrder &) const = default;
};

struct WorksheetLine
{
    QUuid productId;
    Money price; // the new price
    bool operator==(const WorksheetLine &) const = default;
};

enum class WorksheetStatus { Draft, PendingApproval, Approved, Rejected, Applied };
inline constexpr json::EnumName<WorksheetStatus> kWorksheetStatusNames[]{
        {WorksheetStatus::Draft, "draft"},
        {WorksheetStatus::PendingApproval, "pending_approval"},
        {WorksheetStatus::Approved, "approved"},
        {WorksheetStatus::Rejected, "rejected"},
        {WorksheetStatus::Applied, "applied"},
};

// A batch of price changes prepared at HQ, approved by someone else, applied on a date.
struct Worksheet
{
    QUuid id;
    QString name;
    WorksheetStatus status = WorksheetStatus::Draft;
    QUuid createdBy;
    QUuid approvedBy; // null until approved
    QDate effectiveDate;
    QList<QUuid> storeIds; // empty: every store
    QList<WorksheetLine> lines;
    bool operator==(const Worksheet &) const = default;
};

POS_DECLARE_JSON(StockMovement)
POS_DECLARE_JSON(TransferLine)
POS_DECLARE_JSON(Transfer)
POS_DECLARE_JSON(PurchaseOrderLine)
POS_DECLARE_JSON(PurchaseOrder)
POS_DECLARE_JSON(WorksheetLine)
POS_DECLARE_JSON(Worksheet)

} // namespace pos
