-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each search word carries its product's words as " arroz integral 465800", so a search
-- checks its other words in the row it already reads ("9536" picks 111 candidates at a
-- million products; "cafe" is then a LIKE on each, not an index probe each). Without
-- rowid, the table is its primary key's B-tree, so the candidates come from it alone.
-- The words are derived from the products' names in code: the migration's step (see
-- servers/common/migrationsteps.cpp) writes them again into the new table.
-- The words are an index of the products, written and deleted with them in one
-- transaction (products are retired, never deleted), so they check no foreign key: on
-- PostgreSQL it doubled the cost of copying them in, the largest part of a first pull.
-- Whatever deletes a product deletes its words.
DROP TABLE product_words;
CREATE TABLE product_words (
    word TEXT NOT NULL,
    product_id UUID NOT NULL,
    name_key TEXT NOT NULL,
    PRIMARY KEY (word, product_id)
) WITHOUT ROWID;
CREATE INDEX product_words_product_word ON product_words (product_id, word);
