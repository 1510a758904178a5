// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace pos::test {

// Bodies of the master records many tests need, valid as the API wants them.
QJsonObject storeRecord(const QString &id, const QString &code, const QString &name);
QJsonObject departmentRecord(const QString &id, const QString &code, const QString &name,
                             const QString &color = {});
// A value-added tax of `rate` percent ("16"); a rate of "0" is zero-rated.
QJsonObject taxRecord(const QString &id, const QString &code, const QString &rate);

// A product as put_product takes it: prices tax included, no supplier, active.
struct ProductFields
{
    QString id;
    QString sku;
    QString name;
    QJsonValue department; // null for none
    QJsonArray barcodes;
    QJsonArray taxIds;
    qint64 price = 0;
    qint64 cost = 0;
    bool weighed = false;
};
QJsonObject productRecord(const ProductFields &p);

// Where a sale is rung: store, register, session and cashier ids.
struct Till
{
    QString store;
    QString reg;
    QString session;
    QString cashier;
};

struct SaleFigures
{
    qint64 subtotal = 0;
    qint64 tax = 0;
    qint64 total = 0;
    qint64 change = 0;
    qint64 ticketDiscount = 0;
};

// A completed sale of today, as create_sale takes it.
QJsonObject saleRecord(const QString &id, const Till &till, const QJsonArray &lines,
                       const QJsonArray &payments, const SaleFigures &figures);

} // namespace pos::test
