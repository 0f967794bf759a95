-- Mail waiting to leave, and what became of it (DESIGN §10: mail leaves through one seam, never from a request
-- thread). A feature inserts a row in its own transaction; the mail job delivers queued rows whose time has come.
-- A row is queued, sending (claimed by a delivery in progress), sent or failed; rows are kept, so nothing is lost
-- and an operator can see why a message failed. The id is random text, so the same SQL runs on SQLite and
-- PostgreSQL, and it is the local part of the Message-ID. Instants are ISO-8601 UTC text with exactly three
-- fraction digits, so that they compare as text the way they compare as time.
CREATE TABLE mail_outbox (
    id              TEXT    PRIMARY KEY,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT,
    state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
-- The job asks for queued rows whose time has come, oldest first.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, created_at, id) WHERE state = 'queued';
