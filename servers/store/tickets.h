// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"

namespace pos {

class Dispatcher;
struct CallContext;

// hold_ticket, get_held_tickets, recall_ticket and void_ticket.
void registerTicketHandlers(Dispatcher &dispatcher);

// Marks a completed sale voided, brings its stock back and audits it, in one transaction.
Status voidCompletedSale(CallContext &c, const Sale &sale, const VoidRequest &request);

} // namespace pos
