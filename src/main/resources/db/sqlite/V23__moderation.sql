-- Moderation (issue 10): members' flags, papers hidden by a moderator, suspensions and the profile preference.
-- PostgreSQL has the same in db/postgresql; only ids, booleans and triggers are spelt differently.

-- A suspended member reads and signs in but cannot post until this instant (account.Member#canPost).
ALTER TABLE member ADD COLUMN suspended_until TEXT;
-- Whether the member's profile lists the papers they upvoted.
ALTER TABLE member ADD COLUMN show_upvotes BOOLEAN NOT NULL DEFAULT FALSE;

-- A member's report about a paper, comment, submission or member. Open while resolved_at is null.
CREATE TABLE flag (
    id          INTEGER PRIMARY KEY,
    reporter_id BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    target_kind TEXT   NOT NULL CHECK (target_kind IN ('paper', 'comment', 'submission', 'member')),
    target_id   TEXT   NOT NULL,
    reason      TEXT   NOT NULL,
    note        TEXT   NOT NULL,
    created_at  TEXT   NOT NULL,
    resolved_at TEXT,
    resolved_by BIGINT REFERENCES member (id),
    resolution  TEXT CHECK (resolution IN ('dismissed', 'actioned'))
);
-- One open flag per member per target: the database decides between two clicks racing.
CREATE UNIQUE INDEX flag_open_once ON flag (reporter_id, target_kind, target_id) WHERE resolved_at IS NULL;
CREATE INDEX flag_open_target ON flag (target_kind, target_id) WHERE resolved_at IS NULL;

-- A paper hidden by a moderator leaves every listing, search and the API; its page says so.
CREATE TABLE paper_hidden (
    paper_id  TEXT   PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    reason    TEXT   NOT NULL,
    hidden_by BIGINT NOT NULL REFERENCES member (id),
    hidden_at TEXT   NOT NULL
);
-- What listings show changes with it, so page validators must change too.
CREATE TRIGGER paper_hidden_inserted_version AFTER INSERT ON paper_hidden
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER paper_hidden_deleted_version AFTER DELETE ON paper_hidden
BEGIN
    UPDATE data_version SET value = value + 1;
END;

-- The audit log (V17) is append-only below the application too: no statement changes or removes an entry.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
