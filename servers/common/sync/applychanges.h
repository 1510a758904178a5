// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/db/database.h"

#include <QDateTime>
#include <QJsonObject>

namespace pos {

// Applies one page of get_changes to this database: each row upserted as it came (the same
// migrations made the same tables), a product's barcodes and taxes replaced, each row given
// this database's own next master version (for the tills that pull from here), and the
// page's cursor stored in the same transaction, so a crash never skips or repeats a page.
Status applyChanges(Database &db, const QJsonObject &page, const QDateTime &now);

} // namespace pos
