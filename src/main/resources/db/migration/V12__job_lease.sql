-- One row per lease of the job scheduler (DESIGN §3 "job leases"), in ShedLock's layout: a run holds its job's
-- lease until lock_until and extends it while it runs, so a node that dies loses it when lock_until passes.
-- TIMESTAMPTZ so that PostgreSQL compares the instants whatever each node's time zone; SQLite stores them as
-- epoch milliseconds, which compare the same way.
CREATE TABLE job_lease (
    name       VARCHAR(200) PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
