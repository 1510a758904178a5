// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"
#include "core/db/transaction.h"
#include "core/model/sales.h"

namespace pos {

// A sale's rows as the store keeps them: written once it has been checked, and read back.

// The hash of what the till sent (without the receipt number the store gives it): the
// same sale sent again has the same hash, another sale under the same id does not.
QString contentHash(const Sale &sale);

// The sale with its lines (each with its share of the ticket discount, `shares`) and its
// payments: a statement per table.
Status insertSale(const Transaction &tx, const Sale &sale, const QString &hash,
                  const QList<Money> &shares);

// The stock movements of a sale's lines, one multi-row insert.
Status moveStock(const Transaction &tx, const Sale &sale);

// The sale as stored, with its lines and payments; NotFound when absent.
Result<Sale> readSale(Database &db, const QUuid &id);

} // namespace pos
