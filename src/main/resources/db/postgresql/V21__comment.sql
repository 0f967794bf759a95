-- Members' comments on papers (issue 10), threaded by parent_id. A comment keeps its Markdown source and the
-- sanitized HTML made from it when it was written (render on write: comment.CommentMarkdown). Only the id columns
-- and the triggers differ between db/sqlite and db/postgresql.
CREATE TABLE comment (
    id            BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    paper_id      TEXT    NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    -- A reply's parent on the same paper; only a comment without replies is ever removed.
    parent_id     BIGINT  REFERENCES comment (id) ON DELETE CASCADE,
    member_id     BIGINT  NOT NULL REFERENCES member (id),
    source        TEXT    NOT NULL, -- Markdown as typed (cleaned); empty once deleted
    html          TEXT    NOT NULL, -- sanitized HTML of the source; empty once deleted
    state         TEXT    NOT NULL CHECK (state IN ('visible', 'deleted', 'hidden')),
    hidden_reason TEXT,
    hidden_by     BIGINT  REFERENCES member (id),
    created_at    TEXT    NOT NULL,
    edited_at     TEXT
);
CREATE INDEX comment_paper ON comment (paper_id, created_at, id);
CREATE INDEX comment_parent ON comment (parent_id);
CREATE INDEX comment_member ON comment (member_id);

-- The comments a paper shows: its upstream count (num_comments, from Hugging Face) plus this column, the paper's
-- visible comments here, recounted by the trigger below in the transaction that changes a comment.
ALTER TABLE paper ADD COLUMN member_comments INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION comment_recount() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_paper TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD.paper_id ELSE NEW.paper_id END;
BEGIN
    UPDATE paper SET member_comments =
        (SELECT COUNT(*) FROM comment WHERE paper_id = changed_paper AND state = 'visible')
    WHERE id = changed_paper;
    RETURN NULL;
END;
$$;

CREATE TRIGGER comment_inserted_count AFTER INSERT ON comment
    FOR EACH ROW EXECUTE FUNCTION comment_recount();
CREATE TRIGGER comment_state_count AFTER UPDATE OF state ON comment
    FOR EACH ROW EXECUTE FUNCTION comment_recount();
CREATE TRIGGER comment_deleted_count AFTER DELETE ON comment
    FOR EACH ROW EXECUTE FUNCTION comment_recount();

-- Paper pages show comments, so any change to one changes the pages' data version (see V14).
CREATE TRIGGER comment_inserted_version AFTER INSERT ON comment REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER comment_updated_version AFTER UPDATE ON comment REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER comment_deleted_version AFTER DELETE ON comment REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
