-- SPDX-License-Identifier: GPL-3.0-or-later
-- SQLite compares text byte by byte already (BINARY); see the PostgreSQL file.
SELECT 1;
