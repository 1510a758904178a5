// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// Binds the user and role commands (users.manage) and get_permissions.
void registerUserHandlers(Dispatcher &dispatcher);

} // namespace pos
