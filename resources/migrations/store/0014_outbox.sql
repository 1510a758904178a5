-- SPDX-License-Identifier: GPL-3.0-or-later
-- What this store still owes HQ. A row is written in the same transaction as the record it
-- names (a sale, a register session, a stock movement, a transfer, a customer made here)
-- and deleted only once HQ has acknowledged that revision. A record that changes again
-- (a session closing, a sale voided) bumps its revision, so an acknowledgement of the
-- older state never removes the newer one. HQ's refusals stay here as 'rejected'.
CREATE TABLE outbox (
    kind TEXT NOT NULL CHECK (kind IN ('customer', 'session', 'transfer', 'sale', 'movement')),
    record_id UUID NOT NULL,
    revision BIGINT NOT NULL DEFAULT 1,
    queued_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, record_id)
);
CREATE INDEX outbox_pending ON outbox (status, queued_at);

ALTER TABLE sync_state ADD COLUMN pushed_at TIMESTAMPTZ;
ALTER TABLE sync_state ADD COLUMN push_error TEXT NOT NULL DEFAULT '';
-- Set while a resnapshot runs: the local master version it started above. When its last
-- page is in, master rows HQ did not send again (stamped at or below it) become tombstones.
ALTER TABLE sync_state ADD COLUMN resnapshot_from BIGINT;
