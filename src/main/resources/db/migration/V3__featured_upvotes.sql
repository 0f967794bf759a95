-- A copy of paper.upvotes on each featured row (DESIGN §3), so that ranking a day, week or month reads one
-- covering index instead of joining and sorting paper rows. The store keeps both in step on every write.
ALTER TABLE featured ADD COLUMN upvotes INTEGER NOT NULL DEFAULT 0;
UPDATE featured SET upvotes = (SELECT upvotes FROM paper WHERE paper.id = featured.paper_id);
CREATE INDEX featured_ranking ON featured (day, upvotes DESC, featured_at DESC, paper_id DESC);
