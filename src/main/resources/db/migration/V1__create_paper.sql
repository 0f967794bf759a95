-- Papers and their community data. Dates are ISO-8601 text ('2026-08-21') and instants ISO-8601 UTC text,
-- so that SQLite and PostgreSQL store, compare and sort them the same way.
CREATE TABLE paper (
    id               TEXT PRIMARY KEY,
    title            TEXT    NOT NULL,
    abstract         TEXT    NOT NULL,
    authors          TEXT    NOT NULL, -- JSON array in byline order
    author_count     INTEGER NOT NULL,
    published        TEXT    NOT NULL,
    updated          TEXT,
    version          INTEGER NOT NULL,
    categories       TEXT    NOT NULL, -- JSON array, primary first
    arxiv_comment    TEXT,
    doi              TEXT,
    journal_ref      TEXT,
    github_repo      TEXT,
    project_page     TEXT,
    ai_keywords      TEXT    NOT NULL, -- JSON array
    sources          TEXT    NOT NULL, -- JSON array
    upstream_upvotes INTEGER NOT NULL,
    upvotes          INTEGER NOT NULL, -- upstream_upvotes plus this instance's votes
    num_comments     INTEGER NOT NULL,
    content_hash     TEXT    NOT NULL, -- of everything an import sets, to skip unchanged records
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX paper_published ON paper (published, id);

CREATE TABLE paper_author (
    paper_id TEXT    NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    PRIMARY KEY (paper_id, position)
);
CREATE INDEX paper_author_name ON paper_author (name, paper_id);

CREATE TABLE paper_category (
    paper_id  TEXT    NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    category  TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    published TEXT    NOT NULL, -- copied from paper so category listings are served from this index alone
    PRIMARY KEY (paper_id, category)
);
CREATE INDEX paper_category_listing ON paper_category (category, published, paper_id);

CREATE TABLE featured (
    paper_id     TEXT PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    featured_at  TEXT NOT NULL,
    submitted_by TEXT NOT NULL
);
CREATE INDEX featured_day ON featured (day, paper_id);
