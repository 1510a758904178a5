// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"
#include "core/db/transaction.h"

namespace pos {

struct CallContext;

// On-hand stock of one product at one store: the last count plus every movement that
// happened after it, whatever order the movements arrived in.
Result<StockLevel> stockLevel(Database &db, const QUuid &storeId, const QUuid &productId);

// Writes a movement inside the caller's transaction; a movement id seen before is
// skipped, so a movement sent twice counts once.
Status recordMovement(const Transaction &tx, const StockMovement &movement);
// The same for several movements, in one statement.
Status recordMovements(const Transaction &tx, const QList<StockMovement> &movements);

void registerStockHandlers(class Dispatcher &dispatcher);
// send_transfer, receive_transfer and get_transfers (storetransfers.cpp).
void registerTransferHandlers(class Dispatcher &dispatcher);

} // namespace pos
