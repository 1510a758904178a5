-- SPDX-License-Identifier: GPL-3.0-or-later
-- Indexes a store's first pull set aside while it copied the catalog in, to build once the
-- rows are there (see servers/common/sync/applychanges.h). The statements that build them
-- wait here, written in the same transactions as the drops, so a pull cut off half-way
-- leaves them to be built when a later pull ends. A later migration that changes one of
-- the catalog's indexes must also change its row here, if it has one.
CREATE TABLE deferred_indexes (
    name TEXT NOT NULL PRIMARY KEY,
    definition TEXT NOT NULL
);
