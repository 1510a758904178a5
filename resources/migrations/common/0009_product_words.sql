-- SPDX-License-Identifier: GPL-3.0-or-later
-- Every word of a product's folded name, so a search for the start of any word ("mol"
-- finds "Café molido") is an index range scan on both engines, even at a million
-- products. A LIKE '%...%' over names would read every row.
CREATE TABLE product_words (
    word TEXT NOT NULL,
    product_id UUID NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    PRIMARY KEY (word, product_id)
);
CREATE INDEX product_words_product ON product_words (product_id);
