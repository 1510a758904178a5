// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "json.h"

// What happens at the till: register sessions and sales with their lines and payments.
namespace pos {

enum class SessionStatus { Open, Closed };
inline constexpr json::EnumName<SessionStatus> kSessionStatusNames[]{
        {SessionStatus::Open, "open"},
        {SessionStatus::Closed, "closed"},
};

// One cashier shift on one register, from opening float to closing count.
struct RegisterSession
{
    QUuid id;
    QUuid storeId;
    QUuid registerId;
    QUuid cashierId;
    qint64 sequence = 1; // per-register stream sequence: HQ refuses gaps
    QDate businessDate;
    QDateTime openedAt;
    QDateTime closedAt; // null while open
    Money openingFloat;
    SessionStatus status = SessionStatus::Open;
    bool operator==(const RegisterSession &) const = default;
};

struct SaleLine
{
    QUuid id;
    QUuid productId;
    QString description; // the name as printed, kept even if the product is renamed
    Quantity quantity;   // negative on a return
    Money unitPrice;     // price actually charged per unit, before discounts
    Money discount;      // line discount, as an amount
    Money total;         // unitPrice × quantity − discount, as the till computed it
    bool priceOverridden = false;
    QUuid originalLineId; // on a return: the sold line it gives back, may be null (blind)
    bool operator==(const SaleLine &) const = default;
};

struct Payment
{
    QUuid id;
    QUuid tenderId;
    Money amount;      // negative for a refund
    QString reference; // card authorisation, voucher number
    bool operator==(const Payment &) const = default;
};

enum class SaleKind { Sale, Return };
inline constexpr json::EnumName<SaleKind> kSaleKindNames[]{
        {SaleKind::Sale, "sale"},
        {SaleKind::Return, "return"},
};

enum class SaleStatus { Completed, Held, Voided };
inline constexpr json::EnumName<SaleStatus> kSaleStatusNames[]{
        {SaleStatus::Completed, "completed"},
        {SaleStatus::Held, "held"},
        {SaleStatus::Voided, "voided"},
};

// A ticket. Its id is born on the terminal so retries and sync are idempotent.
struct Sale
{
    QUuid id;
    QUuid storeId;
    QUuid registerId;
    QUuid sessionId;
    QUuid cashierId;
    QUuid customerId;      // may be null
    QUuid salesRepId;      // may be null
    QUuid originalSaleId;  // the sale a return refers to, may be null
    QString receiptNumber; // "ST01-02-000123", given by the store
    SaleKind kind = SaleKind::Sale;
    SaleStatus status = SaleStatus::Completed;
    QDate businessDate;
    QDateTime createdAt;
    QString language; // the receipt's language
    QList<SaleLine> lines;
    QList<Payment> payments;
    Money ticketDiscount;
    Money subtotal; // lines after discounts, in the store's price mode
    Money taxTotal;
    Money total;
    Money change;
    bool operator==(const Sale &) const = default;
};

POS_DECLARE_JSON(RegisterSession)
POS_DECLARE_JSON(SaleLine)
POS_DECLARE_JSON(Payment)
POS_DECLARE_JSON(Sale)

} // namespace pos
