-- One number that changes in the same transaction as any write to what the pages show (papers, their authors and
-- categories are written with the paper row; votes recount it; featured rows; thumbnails), so a reader can tell
-- "nothing changed" with one row read: HTTP validators (ETag) are built from it. SQLite has the same in db/sqlite.
-- Statement triggers bump it once per statement that changed rows, not once per row.
CREATE TABLE data_version (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO data_version (id, value) VALUES (1, 1);

-- Every trigger below names its transition table "changed".
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE data_version SET value = value + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER paper_inserted_version AFTER INSERT ON paper REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER paper_updated_version AFTER UPDATE ON paper REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER paper_deleted_version AFTER DELETE ON paper REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER featured_inserted_version AFTER INSERT ON featured REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER featured_updated_version AFTER UPDATE ON featured REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER featured_deleted_version AFTER DELETE ON featured REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER thumbnail_inserted_version AFTER INSERT ON thumbnail REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER thumbnail_updated_version AFTER UPDATE ON thumbnail REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER thumbnail_deleted_version AFTER DELETE ON thumbnail REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
