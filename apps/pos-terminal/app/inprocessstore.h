// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terminalconfig.h"

#include "servers/common/servercore.h"

#include <memory>

namespace pos {

// A one-PC shop: the store service runs inside the till on its own database, reached
// through InProcessBackend with the same commands and checks as over HTTP. The first start
// creates the "admin" user with POS_ADMIN_PASSWORD, or a generated password it prints.
Result<std::unique_ptr<ServerCore>> startInProcessStore(const TerminalConfig &config,
                                                        const QString &adminPassword);

} // namespace pos
