// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/migrations.h"

namespace pos {

// The migrations' steps that run in code (core/db/migrations.h), for both server schemas.
MigrationSteps migrationSteps();

// Every product's search words written again from its name, into an empty product_words,
// `chunk` products at a time in id order: a million products never sit in memory at once.
Status rewriteAllProductWords(const Transaction &tx, int chunk = 5000);

} // namespace pos
