-- Page one of a featured paper's PDF, rendered small (DESIGN §3 "thumbnail"). The image lives in the database, not
-- in files under the data directory, so that every app node sharing a PostgreSQL database serves the same images
-- and a backup of the database holds them. A row is either ready (image set) or failed (image null, with the error
-- and when to try again); papers without a row have not been tried. Instants are ISO-8601 UTC text, as elsewhere.
-- SQLite spells the image column BLOB, PostgreSQL BYTEA; the rest is the same in db/sqlite and db/postgresql.
CREATE TABLE thumbnail (
    paper_id      TEXT    PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    image         BLOB,
    media_type    TEXT,
    width         INTEGER,
    height        INTEGER,
    version       TEXT,    -- a hash of the image, in its URL so that a new rendering is never served stale
    failures      INTEGER NOT NULL, -- failed tries since the last success
    error_code    TEXT,
    error_message TEXT,
    retry_at      TEXT,
    updated_at    TEXT    NOT NULL
);
-- The job asks for failed rows whose retry time has come.
CREATE INDEX thumbnail_retry ON thumbnail (retry_at) WHERE image IS NULL;
