-- Where each search index generation's sync stands. The index is derived data: a local Lucene index has its own
-- generation (one row per machine), a shared engine one for all nodes. Keyed by the generation id the engine
-- reports, so a lost or rebuilt index has no row and is rebuilt.
CREATE TABLE search_sync_checkpoint (
    generation     TEXT NOT NULL PRIMARY KEY,
    schema_version TEXT NOT NULL,
    model          TEXT NOT NULL, -- empty when the index holds no vectors
    synced_at      TEXT NOT NULL  -- ISO-8601; the next sync reads writes from here, less a margin
);
