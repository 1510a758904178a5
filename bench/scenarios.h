// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench.h"

namespace pos::bench {

Outcome lookupScenario(const Config &config);    // a. lookups by catalog size
Outcome saleScenario(const Config &config);      // b. sale commits by concurrent tills
Outcome pgbenchBaseline(const Config &config);   // b. pgbench tpcb-like, same cluster
Outcome referenceScenario(const Config &config); // c. the HTTP layer against Fastify
Outcome syncScenario(const Config &config);      // d. pull, push, price change to store
Outcome terminalScenario(const Config &config);  // e. the till: start, memory, scan

// docs/benchmarks.md and the plots, from the results document.
Status writeReport(const QJsonObject &results, const Config &config);

} // namespace pos::bench
