-- The outbox grows for digests (issue 11): one row per recipient per digest, most of them rendered only when sent.
-- States: pending (never tried), sending (claimed by a delivery in progress), sent, retry (a temporary failure,
-- due again at next_attempt_at), failed (a permanent failure, or too many temporary ones) and cancelled (its kind
-- said, when its turn came, that it is no longer wanted). A row left sending by a process that died is put back to
-- retry by the next run and sent again with the same id, hence the same Message-ID (docs/mail.md).
-- kind is 'message' for a message stored whole (subject, bodies, headers); any other kind is rendered at send time
-- from payload by the code registered for it, so 100,000 digests do not store 100,000 bodies. dedupe_key makes
-- adding a row idempotent (one digest per recipient per issue); rows without one never collide.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt the same way on both databases.
CREATE TABLE mail_outbox_v24 (
    id              TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    subject         TEXT,
    text_body       TEXT,
    html_body       TEXT,
    headers         TEXT,
    payload         TEXT,
    dedupe_key      TEXT    UNIQUE,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'retry', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    CHECK (kind <> 'message' OR (subject IS NOT NULL AND text_body IS NOT NULL))
);
INSERT INTO mail_outbox_v24 (id, kind, recipient, subject, text_body, html_body, headers, payload, dedupe_key, state,
        attempts, last_error, created_at, next_attempt_at, updated_at)
    SELECT id, 'message', recipient, subject, text_body, html_body, NULL, NULL, NULL,
           CASE WHEN state <> 'queued' THEN state WHEN attempts = 0 THEN 'pending' ELSE 'retry' END,
           attempts, last_error, created_at, next_attempt_at, updated_at
      FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_v24 RENAME TO mail_outbox;
-- The job asks for rows whose time has come, oldest first.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, created_at, id) WHERE state IN ('pending', 'retry');
-- The admin page counts a kind's rows per state and lists its latest failures.
CREATE INDEX mail_outbox_kind_state ON mail_outbox (kind, state, updated_at);
