-- SPDX-License-Identifier: GPL-3.0-or-later
-- What stores pushed that HQ could not take: kept whole, listed on the sync dashboard,
-- never dropped. A later push of the same record that succeeds marks it resolved.
CREATE TABLE sync_quarantine (
    store_id UUID NOT NULL REFERENCES stores (id),
    kind TEXT NOT NULL,
    record_id UUID NOT NULL,
    payload TEXT NOT NULL,
    reason TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ,
    PRIMARY KEY (store_id, kind, record_id)
);

-- Each store's push as HQ last saw it: when, and how many records it said were waiting.
ALTER TABLE store_credentials ADD COLUMN last_push_at TIMESTAMPTZ;
ALTER TABLE store_credentials ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
-- The master version its last pull brought it up to: HQ's high water less this is its lag.
ALTER TABLE store_credentials ADD COLUMN pulled_version BIGINT NOT NULL DEFAULT 0;

-- A register close's sign-off travels with the session (stores have had these since 0005).
ALTER TABLE register_sessions ADD COLUMN approved_by UUID REFERENCES users (id);
ALTER TABLE register_sessions ADD COLUMN close_reason TEXT NOT NULL DEFAULT '';
