// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// HQ only: push_records (a store's records, each answered ok, duplicate, rejected or retry)
// and get_quarantine (what was rejected and is kept until a later push succeeds).
void registerPushHandlers(Dispatcher &dispatcher);

} // namespace pos
