-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tills registered with their server. The secret is 32 random bytes the till keeps in
-- its keychain; only its SHA-256 is stored (it is not a password: no slow hash needed).
CREATE TABLE terminals (
    id UUID NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
    requested_at TIMESTAMPTZ NOT NULL,
    approved_by UUID REFERENCES users (id)
);
