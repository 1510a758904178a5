// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace pos {

class Dispatcher;

// get_sales_report: sales by hour, department, product, cashier or tender.
void registerReportHandlers(Dispatcher &dispatcher);

} // namespace pos
