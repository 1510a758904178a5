-- SPDX-License-Identifier: GPL-3.0-or-later
-- A sale's or a transfer's stock movements travel to HQ with it, read by the record they
-- belong to. Without this index each push batch read the whole ledger (a 1,000-sale batch
-- scanned every movement the store ever made). Adjustments and counts name no record.
CREATE INDEX stock_movements_reference ON stock_movements (reference_id)
    WHERE reference_id IS NOT NULL;
