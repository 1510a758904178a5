// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// Binds get_health and get_openapi (for the commands this server serves).
void registerSystemHandlers(Dispatcher &dispatcher);
// Binds open_drawer: a no-sale, audited with the cashier and any approving manager.
void registerDrawerHandlers(Dispatcher &dispatcher);

} // namespace pos
