-- SPDX-License-Identifier: GPL-3.0-or-later
-- A search checks its other words per candidate product ("does this product have a word
-- starting with 'cafe'?"). With the word in the index as well, that check reads the
-- index alone; with (product_id) only, it read each of the product's word rows too.
-- The wider index still serves the deletes of a product's words and the foreign key.
CREATE INDEX product_words_product_word ON product_words (product_id, word);
DROP INDEX product_words_product;
