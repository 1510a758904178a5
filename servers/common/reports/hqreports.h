// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// HQ only: get_hq_sales_report, sales across stores by store, day, department or product.
void registerHqReportHandlers(Dispatcher &dispatcher);

} // namespace pos
