-- SPDX-License-Identifier: GPL-3.0-or-later
-- Parked tickets: visible to every register of the store until one recalls them.
CREATE TABLE held_tickets (
    id UUID NOT NULL PRIMARY KEY,
    store_id UUID NOT NULL REFERENCES stores (id),
    register_id UUID NOT NULL REFERENCES registers (id),
    label TEXT NOT NULL DEFAULT '',
    held_by UUID NOT NULL REFERENCES users (id),
    held_at TIMESTAMPTZ NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX held_tickets_store ON held_tickets (store_id, held_at);
