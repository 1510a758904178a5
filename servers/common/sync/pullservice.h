// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// get_changes: master data pulled page by page after a cursor (version, table, id), in
// the order the versions were committed, capped at the high water read first so a page
// never holds half of a transaction that committed while it was read. A cursor from
// another epoch (a restored database) answers "resnapshot" with the first page.
void registerPullHandlers(Dispatcher &dispatcher);

} // namespace pos
