-- The unbounded stream of featured papers (the API without a period) is newest first.
CREATE INDEX featured_newest ON featured (featured_at, paper_id);
