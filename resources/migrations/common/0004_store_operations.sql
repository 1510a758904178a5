-- SPDX-License-Identifier: GPL-3.0-or-later
-- How in-store labels are read, and what makes a sale sent twice the same sale.

CREATE TABLE barcode_rules (
    id UUID NOT NULL PRIMARY KEY,
    prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) BETWEEN 1 AND 6),
    item_start INTEGER NOT NULL CHECK (item_start BETWEEN 0 AND 12),
    item_length INTEGER NOT NULL CHECK (item_length BETWEEN 1 AND 12),
    value_start INTEGER NOT NULL CHECK (value_start BETWEEN 0 AND 12),
    value_length INTEGER NOT NULL CHECK (value_length BETWEEN 1 AND 6),
    value_kind TEXT NOT NULL CHECK (value_kind IN ('price', 'weight')),
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

-- A hash of the sale as first received: the same id with other content is a conflict.
ALTER TABLE sales ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
