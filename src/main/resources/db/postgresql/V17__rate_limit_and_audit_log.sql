-- Rate limits (package ratelimit): one row per bucket ("sign-in:ip:203.0.113.7"), counting the hits of the
-- current fixed window, so that every app node sharing the database sees the same counts. window_start is epoch
-- milliseconds. Rows of long-past windows are swept by a job.
CREATE TABLE rate_limit (
    bucket       TEXT    PRIMARY KEY,
    window_start BIGINT  NOT NULL,
    hits         INTEGER NOT NULL
);
CREATE INDEX rate_limit_window ON rate_limit (window_start);

-- The moderators' audit log (package moderation): one row per moderator action, appended in the action's own
-- transaction and never changed. Only the id column differs between db/sqlite and db/postgresql.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TEXT   NOT NULL,
    actor_id    BIGINT NOT NULL REFERENCES member (id),
    action      TEXT   NOT NULL,
    target_kind TEXT   NOT NULL,
    target_id   TEXT   NOT NULL,
    reason      TEXT
);
