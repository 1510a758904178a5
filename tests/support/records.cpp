// SPDX-License-Identifier: GPL-3.0-or-later
#include "records.h"

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

} // namespace pos::test
