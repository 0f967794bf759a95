-- Personal access tokens (issue 10, item 9) and the index behind "the papers a member upvoted". Only the id column
-- differs between db/sqlite and db/postgresql (SQLite's rowid alias, PostgreSQL's identity).
CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id    BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    token_hash   TEXT   NOT NULL UNIQUE, -- SHA-256 of the secret, in hex: a copy of this table authenticates nobody
    name         TEXT   NOT NULL,        -- the member's label for it
    scope        TEXT   NOT NULL CHECK (scope IN ('read', 'write')),
    created_at   TEXT   NOT NULL,
    last_used_at TEXT                    -- written at most once a minute; empty until first used
);
CREATE INDEX api_token_member ON api_token (member_id);

-- A member's upvotes, newest first (vote.created_at has a fixed width since this version, so text order is time
-- order), for their library and profile.
CREATE INDEX vote_voter_newest ON vote (voter, created_at, paper_id);
