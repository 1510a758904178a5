// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// Binds what only a store server does: scanning, register sessions, sales and stock.
void registerStoreHandlers(Dispatcher &dispatcher);

} // namespace pos
