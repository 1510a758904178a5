-- SPDX-License-Identifier: GPL-3.0-or-later
-- What a blind close counted, per tender, and who signed off a difference.

CREATE TABLE session_counts (
    session_id UUID NOT NULL REFERENCES register_sessions (id),
    tender_id UUID NOT NULL REFERENCES tenders (id),
    expected BIGINT NOT NULL,
    counted BIGINT NOT NULL,
    PRIMARY KEY (session_id, tender_id)
);

ALTER TABLE register_sessions ADD COLUMN approved_by UUID REFERENCES users (id);
ALTER TABLE register_sessions ADD COLUMN close_reason TEXT NOT NULL DEFAULT '';
