-- SPDX-License-Identifier: GPL-3.0-or-later
-- PIN lookup, installation settings and the tamper-evident audit log.

-- HMAC of the PIN under the installation's pin key: finds the one user a PIN belongs
-- to (PINs are unique); pin_hash (Argon2id) is what accepts it.
ALTER TABLE users ADD COLUMN pin_lookup TEXT;
CREATE UNIQUE INDEX users_pin_lookup ON users (pin_lookup) WHERE pin_lookup IS NOT NULL;

CREATE TABLE settings (
    name TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);

-- Each audit row carries the hash of the row before it; audit_head holds the last one
-- and is updated in the same transaction, which also serialises writers on PostgreSQL.
CREATE TABLE audit_log (
    id UUID NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL UNIQUE,
    occurred_at TIMESTAMPTZ NOT NULL,
    action TEXT NOT NULL,
    user_id UUID,
    approver_id UUID,
    store_id UUID,
    register_id UUID,
    reason TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (occurred_at);

CREATE TABLE audit_head (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
