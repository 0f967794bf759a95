-- Similar papers (issue 13), computed once per paper and stored, so that a paper page reads a list instead of
-- running a similarity query (search.SimilarPapers). PostgreSQL has the same in db/postgresql; here the tables are
-- WITHOUT ROWID, stored in their primary key's order: 20 rows a paper took 1.24 KB with a rowid and a separate
-- key index, 0.77 KB without (measured on 25,000 of the shared papers' lists).

-- One row per paper whose list was computed, with what it was computed from, to tell when it is out of date.
CREATE TABLE similar_list (
    paper_id         TEXT   PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    text_hash        TEXT   NOT NULL, -- of the title and abstract the list was found from (search.EmbeddingText)
    model            TEXT   NOT NULL, -- the embedding model whose vectors found it; '' when found by shared words
    corpus_size      BIGINT NOT NULL, -- the papers it was picked from: all of them, or those with a vector
    paper_written_at TEXT   NOT NULL, -- the paper row's updated_at as last checked: an unwritten row kept its text
    computed_at      TEXT   NOT NULL
) WITHOUT ROWID;

-- The list itself, most similar first. No foreign key on similar_id: a paper removed since drops out where the
-- list is read (joined with paper), as one hidden since does (paper_hidden).
CREATE TABLE similar_paper (
    paper_id   TEXT    NOT NULL REFERENCES similar_list (paper_id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    similar_id TEXT    NOT NULL,
    PRIMARY KEY (paper_id, ordinal)
) WITHOUT ROWID;
