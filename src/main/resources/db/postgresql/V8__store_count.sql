-- Row counts the status pages and the embedding job read, kept exact by triggers in the transactions that insert
-- or delete the rows (cascades included), so no request counts a whole table. Names: 'paper', 'featured' and
-- 'paper_vector:<model>'. SQLite has the same in db/sqlite.
CREATE TABLE store_count (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO store_count (name, value) SELECT 'paper', COUNT(*) FROM paper;
INSERT INTO store_count (name, value) SELECT 'featured', COUNT(*) FROM featured;
INSERT INTO store_count (name, value) SELECT 'paper_vector:' || model, COUNT(*) FROM paper_vector GROUP BY model;

-- Counts a row of the table the trigger is on, under the trigger's argument.
CREATE FUNCTION store_count_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE store_count SET value = value + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END WHERE name = TG_ARGV[0];
    RETURN NULL;
END;
$$;

-- Counts a vector under its model's name.
CREATE FUNCTION store_count_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO store_count (name, value) VALUES ('paper_vector:' || NEW.model, 1)
            ON CONFLICT (name) DO UPDATE SET value = store_count.value + 1;
    ELSE
        UPDATE store_count SET value = value - 1 WHERE name = 'paper_vector:' || OLD.model;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER paper_counted AFTER INSERT OR DELETE ON paper
    FOR EACH ROW EXECUTE FUNCTION store_count_row('paper');
CREATE TRIGGER featured_counted AFTER INSERT OR DELETE ON featured
    FOR EACH ROW EXECUTE FUNCTION store_count_row('featured');
CREATE TRIGGER paper_vector_counted AFTER INSERT OR DELETE ON paper_vector
    FOR EACH ROW EXECUTE FUNCTION store_count_vector();
