// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"
#include "core/model/sales.h"

namespace pos {

class Dispatcher;

Result<RegisterSession> sessionById(Database &db, const QUuid &id); // NotFound when absent
void registerSessionHandlers(Dispatcher &dispatcher);
// close_session (blind count) and get_session_report (X and Z).
void registerCloseHandlers(Dispatcher &dispatcher);

} // namespace pos
