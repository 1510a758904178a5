-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each search word carries its product's words as " arroz integral 465800", so a search
-- checks its other words in the row it already reads ("9536" picks 111 candidates at a
-- million products; "cafe" is then a LIKE on each, not an index probe each). In the
-- primary key's leaf entries (INCLUDE), the candidates come from the index alone.
-- The words are derived from the products' names in code: the migration's step (see
-- servers/common/migrationsteps.cpp) writes them again after this empties the table.
TRUNCATE product_words;
ALTER TABLE product_words ADD COLUMN name_key TEXT NOT NULL;
ALTER TABLE product_words DROP CONSTRAINT product_words_pkey;
ALTER TABLE product_words ADD PRIMARY KEY (word, product_id) INCLUDE (name_key);
