// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// put_/get_ for departments, taxes, tenders, customers, suppliers and sales reps.
void registerMasterDataHandlers(Dispatcher &dispatcher);

} // namespace pos
