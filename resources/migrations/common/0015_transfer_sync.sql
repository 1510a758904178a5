-- SPDX-License-Identifier: GPL-3.0-or-later
-- Transfers travel both ways: the sender pushes one to HQ, HQ routes it down to the two
-- stores through the pull (hence version and tombstone), the receiver pushes what arrived.
-- A transfer whose counts differ stays 'received' until HQ resolves it ('closed').
ALTER TABLE transfers ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE transfers ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE transfers ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
CREATE INDEX transfers_version ON transfers (version, id);
CREATE INDEX transfers_to_store ON transfers (to_store_id, status);

-- What a line's share of the ticket discount was, so reports at HQ add up lines in SQL.
ALTER TABLE sale_lines ADD COLUMN ticket_share BIGINT NOT NULL DEFAULT 0;
