-- SPDX-License-Identifier: GPL-3.0-or-later
-- A returned line points at the line it gives back, so nothing is returned twice.
ALTER TABLE sale_lines ADD COLUMN original_line_id UUID REFERENCES sale_lines (id);
CREATE INDEX sale_lines_original ON sale_lines (original_line_id);
