// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;
class HintHub;

// HQ only: get_sync_status, every store with its hint connection and last pull.
void registerSyncStatusHandlers(Dispatcher &dispatcher, const HintHub &hints);

} // namespace pos
