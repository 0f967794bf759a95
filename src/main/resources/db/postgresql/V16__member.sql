-- Members and their sign-in sessions (issue 10). Instants are ISO-8601 UTC text, as elsewhere. Only the id column
-- differs between db/sqlite and db/postgresql (SQLite's rowid alias, PostgreSQL's identity).
CREATE TABLE member (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE, -- normalised (trimmed, lower case), so unique case-insensitively
    handle            TEXT NOT NULL,        -- as the member chose it, lower case
    handle_key        TEXT NOT NULL UNIQUE, -- the handle with look-alikes folded (account.Handle): one per shape
    display_name      TEXT NOT NULL,
    password_hash     TEXT NOT NULL,        -- Argon2id in PHC form, parameters included
    role              TEXT NOT NULL CHECK (role IN ('member', 'moderator', 'admin')),
    state             TEXT NOT NULL CHECK (state IN ('active', 'banned')),
    created_at        TEXT NOT NULL,
    email_verified_at TEXT
);

-- A session is known by the SHA-256 of the token its client holds: a copy of this table signs nobody in.
CREATE TABLE member_session (
    token_hash   TEXT   PRIMARY KEY,
    member_id    BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at   TEXT   NOT NULL,
    last_seen_at TEXT   NOT NULL,
    expires_at   TEXT   NOT NULL
);
CREATE INDEX member_session_member ON member_session (member_id);
