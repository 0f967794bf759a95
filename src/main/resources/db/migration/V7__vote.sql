-- Members' votes (DESIGN §3), one per voter and paper. The upvotes a paper shows are derived from rows:
-- paper.upvotes = paper.upstream_upvotes + its rows here, and featured.upvotes is a copy of paper.upvotes; the
-- store recounts both in the transaction that changes the upstream count or a vote.
CREATE TABLE vote (
    paper_id   TEXT NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    voter      TEXT NOT NULL, -- an account id once accounts exist
    created_at TEXT NOT NULL,
    PRIMARY KEY (paper_id, voter)
);
-- A listing loads the viewer's votes for its page in one query.
CREATE INDEX vote_voter ON vote (voter, paper_id);
