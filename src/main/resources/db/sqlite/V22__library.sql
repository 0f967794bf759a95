-- Members' libraries (issue 10): saved papers and named collections of them. Only the id column and the trigger
-- syntax differ between db/sqlite and db/postgresql.
CREATE TABLE library_entry (
    member_id BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    paper_id  TEXT   NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    saved_at  TEXT   NOT NULL,
    PRIMARY KEY (member_id, paper_id)
);
-- The library page lists newest first.
CREATE INDEX library_entry_newest ON library_entry (member_id, saved_at, paper_id);

CREATE TABLE paper_collection (
    id          INTEGER PRIMARY KEY,
    member_id   BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    name        TEXT   NOT NULL,
    name_key    TEXT   NOT NULL, -- the name in lower case: one collection of a name per member, whatever its case
    visibility  TEXT   NOT NULL CHECK (visibility IN ('private', 'public')),
    created_at  TEXT   NOT NULL,
    updated_at  TEXT   NOT NULL,
    UNIQUE (member_id, name_key)
);

-- A paper in a collection is in its owner's library: the composite key makes removing it from the library
-- remove it from the owner's collections too, so the database keeps the rule, not the code.
CREATE TABLE collection_paper (
    collection_id BIGINT NOT NULL REFERENCES paper_collection (id) ON DELETE CASCADE,
    member_id     BIGINT NOT NULL,
    paper_id      TEXT   NOT NULL,
    added_at      TEXT   NOT NULL,
    PRIMARY KEY (collection_id, paper_id),
    FOREIGN KEY (member_id, paper_id) REFERENCES library_entry (member_id, paper_id) ON DELETE CASCADE
);
CREATE INDEX collection_paper_newest ON collection_paper (collection_id, added_at, paper_id);
CREATE INDEX collection_paper_entry ON collection_paper (member_id, paper_id);

-- Public collections are public pages (and feeds), and a member's pages show what they saved: these changes bump
-- the data version like V14's triggers, so no page is revalidated from before them.
CREATE TRIGGER library_entry_inserted_version AFTER INSERT ON library_entry
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER library_entry_deleted_version AFTER DELETE ON library_entry
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER paper_collection_inserted_version AFTER INSERT ON paper_collection
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER paper_collection_updated_version AFTER UPDATE ON paper_collection
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER paper_collection_deleted_version AFTER DELETE ON paper_collection
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER collection_paper_inserted_version AFTER INSERT ON collection_paper
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER collection_paper_deleted_version AFTER DELETE ON collection_paper
BEGIN
    UPDATE data_version SET value = value + 1;
END;
