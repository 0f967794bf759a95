-- Row counts the status pages and the embedding job read, kept exact by triggers in the transactions that insert
-- or delete the rows (cascades included), so no request counts a whole table. Names: 'paper', 'featured' and
-- 'paper_vector:<model>'. PostgreSQL has the same in db/postgresql.
CREATE TABLE store_count (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO store_count (name, value) SELECT 'paper', COUNT(*) FROM paper;
INSERT INTO store_count (name, value) SELECT 'featured', COUNT(*) FROM featured;
INSERT INTO store_count (name, value) SELECT 'paper_vector:' || model, COUNT(*) FROM paper_vector GROUP BY model;

CREATE TRIGGER paper_counted AFTER INSERT ON paper
BEGIN
    UPDATE store_count SET value = value + 1 WHERE name = 'paper';
END;
CREATE TRIGGER paper_uncounted AFTER DELETE ON paper
BEGIN
    UPDATE store_count SET value = value - 1 WHERE name = 'paper';
END;
CREATE TRIGGER featured_counted AFTER INSERT ON featured
BEGIN
    UPDATE store_count SET value = value + 1 WHERE name = 'featured';
END;
CREATE TRIGGER featured_uncounted AFTER DELETE ON featured
BEGIN
    UPDATE store_count SET value = value - 1 WHERE name = 'featured';
END;
CREATE TRIGGER paper_vector_counted AFTER INSERT ON paper_vector
BEGIN
    INSERT INTO store_count (name, value) VALUES ('paper_vector:' || NEW.model, 0)
        ON CONFLICT (name) DO NOTHING;
    UPDATE store_count SET value = value + 1 WHERE name = 'paper_vector:' || NEW.model;
END;
CREATE TRIGGER paper_vector_uncounted AFTER DELETE ON paper_vector
BEGIN
    UPDATE store_count SET value = value - 1 WHERE name = 'paper_vector:' || OLD.model;
END;
