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

} // namespace pos
