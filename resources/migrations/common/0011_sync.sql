-- SPDX-License-Identifier: GPL-3.0-or-later
-- Versions for pulling master data. Every master write takes the next version of its
-- domain by updating this row inside its transaction; the row lock is held to commit, so
-- versions are handed out in commit order and a cursor never skips a row that commits
-- late (a plain sequence would: a larger value can commit before a smaller one).
CREATE TABLE sync_versions (
    domain TEXT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO sync_versions (domain, version) VALUES ('master', 0);

-- The incarnation of this database: a restored HQ gets a new one, and a cursor from
-- another epoch means "resnapshot".
CREATE TABLE sync_epoch (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    epoch TEXT NOT NULL
);

CREATE INDEX departments_version ON departments (version, id);
CREATE INDEX taxes_version ON taxes (version, id);
CREATE INDEX suppliers_version ON suppliers (version, id);
CREATE INDEX tenders_version ON tenders (version, id);
CREATE INDEX customers_version ON customers (version, id);
CREATE INDEX sales_reps_version ON sales_reps (version, id);
CREATE INDEX stores_version ON stores (version, id);
CREATE INDEX registers_version ON registers (version, id);
