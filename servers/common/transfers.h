// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"
#include "core/db/database.h"

namespace pos {

class Dispatcher;

// One transfer with its lines, as stored here (the sending store's, the receiving
// store's and HQ's copies agree once each has pulled).
Result<Transfer> readTransfer(const QSqlDatabase &conn, const QUuid &id);

// get_transfers, at a store (its own, both ways) and at HQ (all); open ones first.
void registerTransferQueries(Dispatcher &dispatcher);
// HQ only: resolve_transfer, closing a transfer whose counts differ.
void registerTransferResolution(Dispatcher &dispatcher);

} // namespace pos
