-- SPDX-License-Identifier: GPL-3.0-or-later
-- SQLite lets a non-integer PRIMARY KEY hold NULL, hence NOT NULL on every key.
-- Master data owned by HQ and copied to every store. The same file runs on PostgreSQL and
-- SQLite: UUID, DATE and TIMESTAMPTZ are real types on PostgreSQL and text on SQLite;
-- money and quantities are BIGINT minor units and thousandths on both.
-- version and deleted carry sync: a row's version orders changes, deleted is a tombstone.

CREATE TABLE departments (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    parent_id UUID REFERENCES departments (id),
    color TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE taxes (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    rate_milli_bp BIGINT NOT NULL CHECK (rate_milli_bp BETWEEN 0 AND 10000000000),
    kind TEXT NOT NULL CHECK (kind IN ('standard', 'zero_rated', 'exempt')),
    compound BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE suppliers (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    contact TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

-- name_folded is the name lower-cased without accents, written by the application, so
-- "cafe" finds "Café" with a plain index on both engines.
CREATE TABLE products (
    id UUID NOT NULL PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE CHECK (length(sku) BETWEEN 1 AND 64),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    name_folded TEXT NOT NULL,
    department_id UUID NOT NULL REFERENCES departments (id),
    supplier_id UUID REFERENCES suppliers (id),
    price BIGINT NOT NULL CHECK (price >= 0),
    cost BIGINT NOT NULL CHECK (cost >= 0),
    tax_included BOOLEAN NOT NULL,
    weighed BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX products_name_folded ON products (name_folded);
CREATE INDEX products_department ON products (department_id, name_folded);
CREATE INDEX products_version ON products (version, id);

-- A barcode names exactly one product: the primary key refuses duplicates.
CREATE TABLE product_barcodes (
    barcode TEXT NOT NULL PRIMARY KEY CHECK (length(barcode) BETWEEN 1 AND 32),
    product_id UUID NOT NULL REFERENCES products (id) ON DELETE CASCADE
);
CREATE INDEX product_barcodes_product ON product_barcodes (product_id);

CREATE TABLE product_taxes (
    product_id UUID NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    tax_id UUID NOT NULL REFERENCES taxes (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (product_id, tax_id)
);

CREATE TABLE tenders (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'other')),
    opens_drawer BOOLEAN NOT NULL,
    gives_change BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE customers (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    name_folded TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    tax_id TEXT NOT NULL DEFAULT '',
    tax_exempt BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX customers_name_folded ON customers (name_folded);

CREATE TABLE sales_reps (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE stores (
    id UUID NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 8),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    address TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    price_mode TEXT NOT NULL CHECK (price_mode IN ('tax_inclusive', 'tax_exclusive')),
    tax_scope TEXT NOT NULL CHECK (tax_scope IN ('per_line', 'per_document')),
    rounding TEXT NOT NULL CHECK (rounding IN ('half_up', 'half_even')),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

-- next_receipt is bumped in the sale's own transaction, so receipt numbers have no gaps.
CREATE TABLE registers (
    id UUID NOT NULL PRIMARY KEY,
    store_id UUID NOT NULL REFERENCES stores (id),
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    next_receipt BIGINT NOT NULL DEFAULT 1,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (store_id, number)
);

CREATE TABLE roles (
    id UUID NOT NULL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    discount_limit_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_limit_bp BETWEEN 0 AND 10000),
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE role_permissions (
    role_id UUID NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (role_id, permission)
);

-- Hashes are Argon2id strings; they never leave the server in a model.
CREATE TABLE users (
    id UUID NOT NULL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    full_name TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    password_hash TEXT NOT NULL DEFAULT '',
    pin_hash TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    version BIGINT NOT NULL DEFAULT 0,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE user_roles (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id UUID NOT NULL REFERENCES roles (id),
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE user_stores (
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    store_id UUID NOT NULL REFERENCES stores (id),
    PRIMARY KEY (user_id, store_id)
);
