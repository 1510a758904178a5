-- SPDX-License-Identifier: GPL-3.0-or-later
-- HQ sends every store its whole catalog, and each product of a page carries its
-- barcodes and taxes as lists in their order. With an index in that order, each list
-- comes from one index scan; without, PostgreSQL sorted every product's list on its own.
-- A page of 5,000 products of a million: 112 ms before, 70 ms with these. The barcodes'
-- index still finds a product's barcodes, so it takes the place of the one on product_id.
-- Stores keep their indexes: they build them after a first pull, and serve few tills.
CREATE INDEX product_barcodes_in_order ON product_barcodes (product_id, barcode);
DROP INDEX product_barcodes_product;
CREATE INDEX product_taxes_in_order ON product_taxes (product_id, position);
