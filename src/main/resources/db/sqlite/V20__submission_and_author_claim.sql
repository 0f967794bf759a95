-- Members' submissions and authorship claims (issue 10 items 3 and 4). Only the id columns and the data_version
-- triggers differ between db/sqlite and db/postgresql.

-- A member featuring a paper on the day they submit it. The featured row it wrote carries the same featured_at, so a
-- featured row is a member's submission exactly when a visible submission with its paper and instant exists; a
-- moderator hiding the submission deletes that featured row in the same transaction.
CREATE TABLE submission (
    id            INTEGER PRIMARY KEY,
    paper_id      TEXT   NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    member_id     BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    day           TEXT   NOT NULL, -- the UTC day of submitted_at: the day the paper is featured on
    submitted_at  TEXT   NOT NULL,
    hidden_at     TEXT,
    hidden_reason TEXT
);
-- The daily cap counts a member's submissions of a day; cards look submissions up by paper.
CREATE INDEX submission_member_day ON submission (member_id, day);
CREATE INDEX submission_paper ON submission (paper_id);

-- A member's claim to be one of a paper's authors, by the name in its byline; a moderator confirms or rejects it.
CREATE TABLE author_claim (
    id          INTEGER PRIMARY KEY,
    paper_id    TEXT   NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    member_id   BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    author_name TEXT   NOT NULL,
    state       TEXT   NOT NULL CHECK (state IN ('pending', 'confirmed', 'rejected')),
    created_at  TEXT   NOT NULL,
    decided_by  BIGINT REFERENCES member (id) ON DELETE SET NULL,
    decided_at  TEXT
);
-- One open (pending or confirmed) claim per member and paper, and one confirmed member per author name: the
-- database decides between two requests racing, not a check before the write.
CREATE UNIQUE INDEX author_claim_open ON author_claim (paper_id, member_id) WHERE state IN ('pending', 'confirmed');
CREATE UNIQUE INDEX author_claim_author ON author_claim (paper_id, author_name) WHERE state = 'confirmed';
CREATE INDEX author_claim_queue ON author_claim (state, created_at, id);
CREATE INDEX author_claim_member ON author_claim (member_id, state);

-- "Submitted by" and the authors' badges show on public pages, so their writes move the pages' data version (V14).
CREATE TRIGGER submission_inserted_version AFTER INSERT ON submission
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER submission_updated_version AFTER UPDATE ON submission
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER submission_deleted_version AFTER DELETE ON submission
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER author_claim_inserted_version AFTER INSERT ON author_claim
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER author_claim_updated_version AFTER UPDATE ON author_claim
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER author_claim_deleted_version AFTER DELETE ON author_claim
BEGIN
    UPDATE data_version SET value = value + 1;
END;
