// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace pos::test {

// Bodies of the master records many tests need, valid as the API wants them.
QJsonObject storeRecord(const QString &id, const QString &code, const QString &name);
QJsonObject departmentRecord(const QString &id, const QString &code, const QString &name,
                             const QString &color = {});

} // namespace pos::test
