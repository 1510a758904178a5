// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

namespace pos {

// The OpenAPI 3.0 document of a set of commands, generated from the table: every
// operationId is a command name; request and response schemas come from the models.
QJsonObject openApiDocument(const QList<Command> &commands, const QString &title,
                            const QString &version);

} // namespace pos
