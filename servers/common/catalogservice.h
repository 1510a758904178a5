// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// Binds departments, taxes and products: list, read, create or replace.
void registerCatalogHandlers(Dispatcher &dispatcher);

} // namespace pos
