// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/messages.h"
#include "core/db/database.h"

namespace pos {

class Dispatcher;

// request_terminal and approve_terminal.
void registerTerminalHandlers(Dispatcher &dispatcher);

// Passes when the terminal exists, is approved and the secret is its own.
Status checkTerminal(Database &db, const QUuid &id, const QString &secret);

} // namespace pos
