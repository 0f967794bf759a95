-- Emailed links (issue 10): verify an address, reset a password, sign in, confirm a new address. Like a session, a
-- link is known only by the SHA-256 of its token, so a copy of this table opens nothing. Using a link deletes its
-- row (DELETE ... RETURNING), so of two concurrent uses one wins. Only the triggers differ from db/sqlite.
CREATE TABLE member_link_token (
    token_hash TEXT   PRIMARY KEY,
    member_id  BIGINT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    purpose    TEXT   NOT NULL CHECK (purpose IN ('verify-email', 'reset-password', 'sign-in-link', 'change-email')),
    new_email  TEXT,                -- the address a change-email link confirms; null for the other purposes
    created_at TEXT   NOT NULL,
    expires_at TEXT   NOT NULL
);
CREATE INDEX member_link_token_member ON member_link_token (member_id);

-- A deleted member keeps its row (their comments show "deleted member") without personal data; see
-- JdbiAccountStore.delete.
ALTER TABLE member ADD COLUMN deleted_at TEXT;

-- Handles and display names show on public pages (comments, "submitted by"): a change is a new data version.
-- A row trigger, because PostgreSQL allows no column list on the statement triggers with transition tables of V14.
CREATE FUNCTION member_shown_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET value = value + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER member_shown_updated_version AFTER UPDATE OF handle, display_name ON member FOR EACH ROW
    WHEN (OLD.handle IS DISTINCT FROM NEW.handle OR OLD.display_name IS DISTINCT FROM NEW.display_name)
    EXECUTE FUNCTION member_shown_version_bump();
