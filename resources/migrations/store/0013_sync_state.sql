-- SPDX-License-Identifier: GPL-3.0-or-later
-- Where this store's pull from HQ stands: the cursor HQ gave, the high water it reported,
-- when the last pull finished and why the last attempt failed (empty when it did not).
CREATE TABLE sync_state (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    pull_cursor TEXT NOT NULL DEFAULT '',
    high_water BIGINT NOT NULL DEFAULT 0,
    pulled_at TIMESTAMPTZ,
    last_error TEXT NOT NULL DEFAULT ''
);
INSERT INTO sync_state (id) VALUES (1);
