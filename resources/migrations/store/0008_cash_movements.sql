-- SPDX-License-Identifier: GPL-3.0-or-later
-- Money into or out of a drawer that is not a sale: paid-in, paid-out, drops to the safe.
CREATE TABLE cash_movements (
    id UUID NOT NULL PRIMARY KEY,
    session_id UUID NOT NULL REFERENCES register_sessions (id),
    kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'drop')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    user_id UUID NOT NULL REFERENCES users (id),
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cash_movements_session ON cash_movements (session_id);
