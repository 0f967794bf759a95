-- One number that changes in the same transaction as any write to what the pages show (papers, their authors and
-- categories are written with the paper row; votes recount it; featured rows; thumbnails), so a reader can tell
-- "nothing changed" with one row read: HTTP validators (ETag) are built from it. PostgreSQL has the same in db/postgresql.
CREATE TABLE data_version (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO data_version (id, value) VALUES (1, 1);

CREATE TRIGGER paper_inserted_version AFTER INSERT ON paper
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER paper_updated_version AFTER UPDATE ON paper
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER paper_deleted_version AFTER DELETE ON paper
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER featured_inserted_version AFTER INSERT ON featured
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER featured_updated_version AFTER UPDATE ON featured
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER featured_deleted_version AFTER DELETE ON featured
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER thumbnail_inserted_version AFTER INSERT ON thumbnail
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER thumbnail_updated_version AFTER UPDATE ON thumbnail
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER thumbnail_deleted_version AFTER DELETE ON thumbnail
BEGIN
    UPDATE data_version SET value = value + 1;
END;
