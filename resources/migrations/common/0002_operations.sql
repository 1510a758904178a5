-- SPDX-License-Identifier: GPL-3.0-or-later
-- What stores record: register sessions, sales, the stock ledger, transfers, purchase
-- orders, and HQ's price worksheets. Every row is born with its UUID where it happens.

CREATE TABLE register_sessions (
    id UUID NOT NULL PRIMARY KEY,
    store_id UUID NOT NULL REFERENCES stores (id),
    register_id UUID NOT NULL REFERENCES registers (id),
    cashier_id UUID NOT NULL REFERENCES users (id),
    sequence BIGINT NOT NULL CHECK (sequence >= 1),
    business_date DATE NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ,
    opening_float BIGINT NOT NULL CHECK (opening_float >= 0),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    UNIQUE (register_id, sequence)
);

CREATE TABLE sales (
    id UUID NOT NULL PRIMARY KEY,
    store_id UUID NOT NULL REFERENCES stores (id),
    register_id UUID NOT NULL REFERENCES registers (id),
    session_id UUID NOT NULL REFERENCES register_sessions (id),
    cashier_id UUID NOT NULL REFERENCES users (id),
    customer_id UUID REFERENCES customers (id),
    sales_rep_id UUID REFERENCES sales_reps (id),
    original_sale_id UUID REFERENCES sales (id),
    receipt_number TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
    status TEXT NOT NULL CHECK (status IN ('completed', 'held', 'voided')),
    business_date DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    language TEXT NOT NULL,
    ticket_discount BIGINT NOT NULL CHECK (ticket_discount >= 0),
    subtotal BIGINT NOT NULL,
    tax_total BIGINT NOT NULL,
    total BIGINT NOT NULL,
    change_given BIGINT NOT NULL CHECK (change_given >= 0)
);
CREATE UNIQUE INDEX sales_receipt ON sales (store_id, receipt_number) WHERE receipt_number <> '';
CREATE INDEX sales_business_date ON sales (store_id, business_date);
CREATE INDEX sales_session ON sales (session_id);

CREATE TABLE sale_lines (
    id UUID NOT NULL PRIMARY KEY,
    sale_id UUID NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    product_id UUID NOT NULL REFERENCES products (id),
    description TEXT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity <> 0),
    unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
    discount BIGINT NOT NULL CHECK (discount >= 0),
    total BIGINT NOT NULL,
    price_overridden BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (sale_id, line_no)
);
CREATE INDEX sale_lines_product ON sale_lines (product_id);

CREATE TABLE sale_payments (
    id UUID NOT NULL PRIMARY KEY,
    sale_id UUID NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    tender_id UUID NOT NULL REFERENCES tenders (id),
    amount BIGINT NOT NULL CHECK (amount <> 0),
    reference TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sale_payments_sale ON sale_payments (sale_id);

-- The stock ledger: on-hand is the last count plus the deltas after it.
CREATE TABLE stock_movements (
    id UUID NOT NULL PRIMARY KEY,
    store_id UUID NOT NULL REFERENCES stores (id),
    product_id UUID NOT NULL REFERENCES products (id),
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return', 'adjustment', 'count', 'transfer_out',
                                       'transfer_in', 'receiving')),
    reason TEXT NOT NULL CHECK (reason IN ('none', 'damage', 'theft', 'expiry', 'correction')),
    quantity BIGINT NOT NULL CHECK (quantity <> 0 OR kind = 'count'),
    reference_id UUID,
    user_id UUID REFERENCES users (id),
    business_date DATE NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_movements_product ON stock_movements (store_id, product_id, occurred_at);

CREATE TABLE transfers (
    id UUID NOT NULL PRIMARY KEY,
    from_store_id UUID NOT NULL REFERENCES stores (id),
    to_store_id UUID NOT NULL REFERENCES stores (id),
    sequence BIGINT NOT NULL CHECK (sequence >= 1),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_transit', 'received', 'closed')),
    created_at TIMESTAMPTZ NOT NULL,
    sent_at TIMESTAMPTZ,
    received_at TIMESTAMPTZ,
    note TEXT NOT NULL DEFAULT '',
    CHECK (from_store_id <> to_store_id),
    UNIQUE (from_store_id, sequence)
);

CREATE TABLE transfer_lines (
    transfer_id UUID NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES products (id),
    sent BIGINT NOT NULL CHECK (sent > 0),
    received BIGINT NOT NULL DEFAULT 0 CHECK (received >= 0),
    damaged BIGINT NOT NULL DEFAULT 0 CHECK (damaged >= 0),
    PRIMARY KEY (transfer_id, product_id)
);

CREATE TABLE purchase_orders (
    id UUID NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    supplier_id UUID NOT NULL REFERENCES suppliers (id),
    store_id UUID NOT NULL REFERENCES stores (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'partially_received', 'received',
                                           'cancelled')),
    created_at TIMESTAMPTZ NOT NULL,
    expected_date DATE,
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE purchase_order_lines (
    purchase_order_id UUID NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES products (id),
    ordered BIGINT NOT NULL CHECK (ordered > 0),
    received BIGINT NOT NULL DEFAULT 0 CHECK (received >= 0),
    unit_cost BIGINT NOT NULL CHECK (unit_cost >= 0),
    PRIMARY KEY (purchase_order_id, product_id)
);

CREATE TABLE worksheets (
    id UUID NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', 'approved', 'rejected',
                                           'applied')),
    created_by UUID NOT NULL REFERENCES users (id),
    approved_by UUID REFERENCES users (id),
    effective_date DATE NOT NULL,
    CHECK (approved_by IS NULL OR approved_by <> created_by)
);

CREATE TABLE worksheet_lines (
    worksheet_id UUID NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    product_id UUID NOT NULL REFERENCES products (id),
    price BIGINT NOT NULL CHECK (price >= 0),
    PRIMARY KEY (worksheet_id, product_id)
);

CREATE TABLE worksheet_stores (
    worksheet_id UUID NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    store_id UUID NOT NULL REFERENCES stores (id),
    PRIMARY KEY (worksheet_id, store_id)
);
