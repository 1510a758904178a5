-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each search word carries its product's words as " arroz integral 465800", so a search
-- checks its other words in the row it already reads ("9536" picks 111 candidates at a
-- million products; "cafe" is then a LIKE on each, not an index probe each). In the
-- primary key's leaf entries (INCLUDE), the candidates come from the index alone.
-- The words are derived from the products' names in code: the migration's step (see
-- servers/common/migrationsteps.cpp) writes them again after this empties the table.
-- The words are an index of the products, written and deleted with them in one
-- transaction (products are retired, never deleted), so they check no foreign key: it
-- doubled the cost of copying them in (3,000,000 words: 33 s with it, 15-18 s without),
-- the largest part of a store's first pull. Whatever deletes a product deletes its words.
TRUNCATE product_words;
ALTER TABLE product_words DROP CONSTRAINT product_words_product_id_fkey;
ALTER TABLE product_words ADD COLUMN name_key TEXT NOT NULL;
ALTER TABLE product_words DROP CONSTRAINT product_words_pkey;
ALTER TABLE product_words ADD PRIMARY KEY (word, product_id) INCLUDE (name_key);
