// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

#include <QDateTime>

namespace pos::test {

QJsonObject storeRecord(const QString &id, const QString &code, const QString &name)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},
            {QStringLiteral("address"), QString()},
            {QStringLiteral("time_zone"), QStringLiteral("America/Mexico_City")},
            {QStringLiteral("currency"), QStringLiteral("MXN")},
            {QStringLiteral("price_mode"), QStringLiteral("tax_inclusive")},
            {QStringLiteral("tax_scope"), QStringLiteral("per_line")},
            {QStringLiteral("rounding"), QStringLiteral("half_up")},
            {QStringLiteral("active"), true}};
}

QJsonObject departmentRecord(const QString &id, const QString &code, const QString &name,
                             const QString &color)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},
            {QStringLiteral("color"), color},
            {QStringLiteral("active"), true}};
}

QJsonObject taxRecord(const QString &id, const QString &code, const QString &rate)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("code"), code},
            {QStringLiteral("name"), QStringLiteral("IVA %1 %").arg(rate)},
            {QStringLiteral("rate"), rate},
            {QStringLiteral("kind"), rate == QLatin1String("0") ? QStringLiteral("zero_rated")
                                                                : QStringLiteral("standard")},
            {QStringLiteral("compound"), false},
            {QStringLiteral("active"), true}};
}

QJsonObject productRecord(const ProductFields &p)
{
    return {{QStringLiteral("id"), p.id},
            {QStringLiteral("sku"), p.sku},
            {QStringLiteral("barcodes"), p.barcodes},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("department_id"), p.department},
            {QStringLiteral("supplier_id"), QJsonValue()},
            {QStringLiteral("price"), p.price},
            {QStringLiteral("cost"), p.cost},
            {QStringLiteral("tax_ids"), p.taxIds},
            {QStringLiteral("tax_included"), true},
            {QStringLiteral("weighed"), p.weighed},
            {QStringLiteral("active"), true}};
}

QJsonObject saleRecord(const QString &id, const Till &till, const QJsonArray &lines,
                       const QJsonArray &payments, const SaleFigures &figures)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("store_id"), till.store},
            {QStringLiteral("register_id"), till.reg},
            {QStringLiteral("session_id"), till.session},
            {QStringLiteral("cashier_id"), till.cashier},
            {QStringLiteral("customer_id"), QJsonValue()},
            {QStringLiteral("sales_rep_id"), QJsonValue()},
            {QStringLiteral("original_sale_id"), QJsonValue()},
            {QStringLiteral("receipt_number"), QString()},
            {QStringLiteral("kind"), QStringLiteral("sale")},
            {QStringLiteral("status"), QStringLiteral("completed")},
            {QStringLiteral("business_date"), QDate::currentDate().toString(Qt::ISODate)},
            {QStringLiteral("created_at"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("language"), QStringLiteral("es")},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("payments"), payments},
            {QStringLiteral("ticket_discount"), figures.ticketDiscount},
            {QStringLiteral("subtotal"), figures.subtotal},
            {QStringLiteral("tax_total"), figures.tax},
            {QStringLiteral("total"), figures.total},
            {QStringLiteral("change"), figures.change}};
}

} // namespace pos::test
