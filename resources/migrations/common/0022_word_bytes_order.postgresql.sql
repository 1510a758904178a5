-- SPDX-License-Identifier: GPL-3.0-or-later
-- Search words compare byte by byte, as SQLite compares them. A word range is a prefix
-- ("cafe" to "cafe" followed by U+FFFF), which code point order already gave under the
-- cluster's C.UTF-8; under "C" PostgreSQL compares with memcmp instead of strcoll, so
-- the words' key, which a store's first pull builds over millions of rows, builds in
-- 7.3 s instead of 10.8 s at a million products, and every search probe is cheaper.
-- Words are never shown or sorted for people. The type change rebuilds the table and
-- its indexes once.
ALTER TABLE product_words ALTER COLUMN word TYPE TEXT COLLATE "C";
