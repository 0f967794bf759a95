-- One row per harvested source (DESIGN §3 harvest_checkpoint): where its next run starts, and how its last run went.
-- Instants are ISO-8601 UTC text, like the other tables, so SQLite and PostgreSQL compare them the same way.
CREATE TABLE harvest_checkpoint (
    source               TEXT PRIMARY KEY,  -- e.g. 'arxiv:cs', 'hf'
    cursor               TEXT,              -- settled position: arXiv window 'from' date, last complete HF day
    token                TEXT,              -- mid-window: OAI-PMH resumptionToken or next page URL
    next_cursor          TEXT,              -- what cursor becomes when the window completes
    checkpoint_at        TEXT,
    last_run_started_at  TEXT,
    last_run_finished_at TEXT,
    last_success_at      TEXT,
    last_pages           BIGINT  NOT NULL DEFAULT 0,
    last_received        BIGINT  NOT NULL DEFAULT 0,
    last_inserted        BIGINT  NOT NULL DEFAULT 0,
    last_updated         BIGINT  NOT NULL DEFAULT 0,
    last_unchanged       BIGINT  NOT NULL DEFAULT 0,
    last_rejected        BIGINT  NOT NULL DEFAULT 0,
    last_deleted         BIGINT  NOT NULL DEFAULT 0,
    last_filtered        BIGINT  NOT NULL DEFAULT 0,
    last_error_code      TEXT,
    last_error_message   TEXT,
    last_error_at        TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0
);
