// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarios.h"
namespace pos::bench {
Outcome referenceScenario(const Config &)
{
    return {{}, QStringLiteral("not written yet")};
}
} // namespace pos::bench
