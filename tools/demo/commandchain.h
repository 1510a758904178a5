// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/api/backend.h"

#include <QList>
#include <QPair>

#include <functional>

namespace pos {

// Runs commands one after another through a Backend, without blocking, and reports once:
// after the last, or at the first that fails.
class CommandChain
{
public:
    using Step = QPair<QString, QJsonObject>;

    // Starts the chain; `done` gets the first error, or success. The backend must outlive it.
    static void run(Backend &backend, QList<Step> steps, std::function<void(Status)> done);
};

} // namespace pos
