-- Members' comments on papers (issue 10), threaded by parent_id. A comment keeps its Markdown source and the
-- sanitized HTML made from it when it was written (render on write: comment.CommentMarkdown). Only the id columns
-- and the triggers differ between db/sqlite and db/postgresql.
CREATE TABLE comment (
    id            INTEGER PRIMARY KEY,
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
-- visible comments here, recounted by the triggers below in the transaction that changes a comment.
ALTER TABLE paper ADD COLUMN member_comments INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER comment_inserted_count AFTER INSERT ON comment
BEGIN
    UPDATE paper SET member_comments =
        (SELECT COUNT(*) FROM comment WHERE paper_id = NEW.paper_id AND state = 'visible') WHERE id = NEW.paper_id;
END;
CREATE TRIGGER comment_state_count AFTER UPDATE OF state ON comment
BEGIN
    UPDATE paper SET member_comments =
        (SELECT COUNT(*) FROM comment WHERE paper_id = NEW.paper_id AND state = 'visible') WHERE id = NEW.paper_id;
END;
CREATE TRIGGER comment_deleted_count AFTER DELETE ON comment
BEGIN
    UPDATE paper SET member_comments =
        (SELECT COUNT(*) FROM comment WHERE paper_id = OLD.paper_id AND state = 'visible') WHERE id = OLD.paper_id;
END;

-- Paper pages show comments, so any change to one changes the pages' data version (see V14).
CREATE TRIGGER comment_inserted_version AFTER INSERT ON comment
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER comment_updated_version AFTER UPDATE ON comment
BEGIN
    UPDATE data_version SET value = value + 1;
END;
CREATE TRIGGER comment_deleted_version AFTER DELETE ON comment
BEGIN
    UPDATE data_version SET value = value + 1;
END;
