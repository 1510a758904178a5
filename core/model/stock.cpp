// SPDX-License-Identifier: GPL-3.0-or-later
#include "stock.h"

#include "schema.h"

namespace pos {

using namespace json;

namespace {

constexpr Measure kPositive{Zero::Refused, 1};
constexpr Measure kNonNegative{Zero::Allowed, 0};

template<typename V>
void fields(V &v, Like<StockMovement> auto &m)
{
    v.field("id", m.id);
    v.field("store_id", m.storeId);
    v.field("product_id", m.productId);
    v.field("kind", m.kind, kMovementKindNames);
    v.field("reason", m.reason, kMovementReasonNames);
    // A count may find nothing on the shelf, so zero is allowed; deltas must move stock.
    v.field("quantity", m.quantity, Measure{Zero::Allowed});
    v.field("reference_id", m.referenceId, Nullable::Yes);
    v.field("user_id", m.userId, Nullable::Yes);
    v.field("business_date", m.businessDate);
    v.field("occurred_at", m.occurredAt);
}

template<typename V>
void fields(V &v, Like<TransferLine> auto &m)
{
    v.field("product_id", m.productId);
    v.field("sent", m.sent, kPositive);
    v.field("received", m.received, kNonNegative);
    v.field("damaged", m.damaged, kNonNegative);
}

template<typename V>
void fields(V &v, Like<Transfer> auto &m)
{
    v.field("id", m.id);
    v.field("from_store_id", m.fromStoreId);
    v.field("to_store_id", m.toStoreId);
    v.field("sequence", m.sequence, Count{1});
    v.field("status", m.status, kTransferStatusNames);
    v.field("created_at", m.createdAt);
    v.field("sent_at", m.sentAt, Nullable::Yes);
    v.field("received_at", m.receivedAt, Nullable::Yes);
    v.field("note", m.note, Text{0, 500});
    v.field("resolution", m.resolution, Text{0, 500, Presence::Optional});
    v.field("lines", m.lines, Items{1, 1000});
}

template<typename V>
void fields(V &v, Like<PurchaseOrderLine> auto &m)
{
    v.field("product_id", m.productId);
    v.field("ordered", m.ordered, kPositive);
    v.field("received", m.received, kNonNegative);
    v.field("unit_cost", m.unitCost);
}

template<typename V>
void fields(V &v, Like<PurchaseOrder> auto &m)
{
    v.field("id", m.id);
    v.field("number", m.number, Text{1, 32});
    v.field("supplier_id", m.supplierId);
    v.field("store_id", m.storeId);
    v.field("status", m.status, kPurchaseOrderStatusNames);
    v.field("created_at", m.createdAt);
    v.field("expected_date", m.expectedDate, Nullable::Yes);
    v.field("note", m.note, Text{0, 500});
    v.field("lines", m.lines, Items{1, 1000});
}

template<typename V>
void fields(V &v, Like<WorksheetLine> auto &m)
{
    v.field("product_id", m.productId);
    v.field("price", m.price);
}

template<typename V>
void fields(V &v, Like<Worksheet> auto &m)
{
    v.field("id", m.id);
    v.field("name", m.name, Text{1, 120});
    v.field("status", m.status, kWorksheetStatusNames);
    v.field("created_by", m.createdBy);
    v.field("approved_by", m.approvedBy, Nullable::Yes);
    v.field("effective_date", m.effectiveDate);
    v.field("store_ids", m.storeIds, Items{0, 1000});
    v.field("lines", m.lines, Items{1, 100000});
}

} // namespace

POS_DEFINE_JSON(StockMovement)
POS_DEFINE_JSON(TransferLine)
POS_DEFINE_JSON(Transfer)
POS_DEFINE_JSON(PurchaseOrderLine)
POS_DEFINE_JSON(PurchaseOrder)
POS_DEFINE_JSON(WorksheetLine)
POS_DEFINE_JSON(Worksheet)

} // namespace pos
