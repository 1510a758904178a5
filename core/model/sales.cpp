// SPDX-License-Identifier: GPL-3.0-or-later
#include "sales.h"

#include "schema.h"

namespace pos {

using namespace json;

namespace {

// Signed amounts (returns, refunds) stay inside what JSON carries exactly.
constexpr Amount kSigned{-(qint64(1) << 53), (qint64(1) << 53)};

template<typename V>
void fields(V &v, Like<RegisterSession> auto &m)
{
    v.field("id", m.id);
    v.field("store_id", m.storeId);
    v.field("register_id", m.registerId);
    v.field("cashier_id", m.cashierId);
    v.field("sequence", m.sequence, Count{1});
    v.field("business_date", m.businessDate);
    v.field("opened_at", m.openedAt);
    v.field("closed_at", m.closedAt, Nullable::Yes);
    v.field("opening_float", m.openingFloat);
    v.field("status", m.status, kSessionStatusNames);
}

template<typename V>
void fields(V &v, Like<SaleLine> auto &m)
{
    v.field("id", m.id);
    v.field("product_id", m.productId);
    v.field("description", m.description, Text{1, 120});
    v.field("quantity", m.quantity, Measure{});
    v.field("unit_price", m.unitPrice);
    v.field("discount", m.discount);
    v.field("total", m.total, kSigned);
    v.field("price_overridden", m.priceOverridden);
    v.field("original_line_id", m.originalLineId, Nullable::Yes);
}

template<typename V>
void fields(V &v, Like<Payment> auto &m)
{
    v.field("id", m.id);
    v.field("tender_id", m.tenderId);
    v.field("amount", m.amount, kSigned);
    v.field("reference", m.reference, Text{0, 64});
}

template<typename V>
void fields(V &v, Like<Sale> auto &m)
{
    v.field("id", m.id);
    v.field("store_id", m.storeId);
    v.field("register_id", m.registerId);
    v.field("session_id", m.sessionId);
    v.field("cashier_id", m.cashierId);
    v.field("customer_id", m.customerId, Nullable::Yes);
    v.field("sales_rep_id", m.salesRepId, Nullable::Yes);
    v.field("original_sale_id", m.originalSaleId, Nullable::Yes);
    v.field("receipt_number", m.receiptNumber, Text{0, 32});
    v.field("kind", m.kind, kSaleKindNames);
    v.field("status", m.status, kSaleStatusNames);
    v.field("business_date", m.businessDate);
    v.field("created_at", m.createdAt);
    v.field("language", m.language, Text{2, 5});
    v.field("lines", m.lines, Items{1, 500});
    v.field("payments", m.payments, Items{0, 20});
    v.field("ticket_discount", m.ticketDiscount);
    v.field("subtotal", m.subtotal, kSigned);
    v.field("tax_total", m.taxTotal, kSigned);
    v.field("total", m.total, kSigned);
    v.field("change", m.change);
}

} // namespace

POS_DEFINE_JSON(RegisterSession)
POS_DEFINE_JSON(SaleLine)
POS_DEFINE_JSON(Payment)
POS_DEFINE_JSON(Sale)

} // namespace pos
