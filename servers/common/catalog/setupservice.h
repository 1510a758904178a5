// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/barcode.h"
#include "core/db/database.h"
#include "core/model/organisation.h"

namespace pos {

class Dispatcher;

// Binds stores, registers and barcode rules: the set-up a store needs before it sells.
void registerSetupHandlers(Dispatcher &dispatcher);

Result<Store> storeById(Database &db, const QUuid &id); // NotFound when absent
Result<Register> registerById(Database &db, const QUuid &id);
Result<QList<BarcodeRule>> barcodeRules(Database &db);

// A store's and a register's columns in a statement (named through `alias` in a join), and
// the row read from them starting at column `at`.
QString storeColumns(const QString &alias = {});
Store storeAt(const QSqlQuery &q, int at, const QUuid &id);
QString registerColumns(const QString &alias = {});
Register registerAt(const QSqlQuery &q, int at, const QUuid &id);

} // namespace pos
