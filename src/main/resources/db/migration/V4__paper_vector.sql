-- Paper embeddings, one per paper and model, as little-endian float32 bytes. The search index is rebuilt from
-- these without running the model again; another model's vectors live beside them under its own name.
CREATE TABLE paper_vector (
    paper_id   TEXT    NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    model      TEXT    NOT NULL,
    dimension  INTEGER NOT NULL,
    vector     BYTEA   NOT NULL, -- SQLite keeps the bytes as a BLOB whatever the declared type
    text_hash  TEXT    NOT NULL, -- of the title and abstract embedded, to notice a changed abstract
    created_at TEXT    NOT NULL,
    PRIMARY KEY (paper_id, model)
);
-- The search index catches up with vectors written since its last sync.
CREATE INDEX paper_vector_written ON paper_vector (model, created_at);
-- ... and with papers written since its last sync.
CREATE INDEX paper_written ON paper (updated_at);
