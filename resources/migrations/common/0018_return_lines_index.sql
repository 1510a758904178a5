-- SPDX-License-Identifier: GPL-3.0-or-later
-- Only a return's lines name the line they return, and only those are looked up by it
-- ("how much of this line came back already?"). Indexing the NULL of every sold line
-- cost each sale five index entries, on the till's path and again at HQ's ingest.
DROP INDEX sale_lines_original;
CREATE INDEX sale_lines_original ON sale_lines (original_line_id)
    WHERE original_line_id IS NOT NULL;
