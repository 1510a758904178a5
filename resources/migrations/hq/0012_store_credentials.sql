-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each store's sync credential: HQ keeps the SHA-256 of its secret (32 random bytes, not a
-- password, so no slow hash), rotates it (the old one stops at once) and revokes it.
CREATE TABLE store_credentials (
    store_id UUID NOT NULL PRIMARY KEY REFERENCES stores (id),
    secret_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    rotated_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ
);
