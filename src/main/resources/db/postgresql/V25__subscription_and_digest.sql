-- Email digests (issue 11): who subscribed to what, and every digest composed for them. Only the id column
-- differs between db/sqlite and db/postgresql. Instants are ISO-8601 UTC text with exactly three fraction digits,
-- so that they compare as text the way they compare as time.

-- One subscription per address, with or without an account. A subscription is pending until its address is
-- confirmed from the mail (double opt-in); only confirmed ones get digests. Unsubscribed and disabled rows stay,
-- so that an address that left is not mailed again by a stale form and an operator sees why one stopped.
CREATE TABLE subscription (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE, -- trimmed, lower case (account.Email)
    member_id      BIGINT  REFERENCES member (id) ON DELETE SET NULL,
    cadence        TEXT    NOT NULL CHECK (cadence IN ('daily', 'weekly')),
    time_zone      TEXT    NOT NULL,        -- an IANA zone id such as Europe/Paris
    state          TEXT    NOT NULL CHECK (state IN ('pending', 'confirmed', 'unsubscribed', 'disabled')),
    state_reason   TEXT,                    -- why it is disabled (the SMTP server's answer)
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    confirmed_at   TEXT,
    last_digest_at TEXT,                    -- the end of the last digest's window: the next one starts there
    next_due_at    TEXT                     -- when the next digest is due; set while confirmed
);
-- The digest job asks for confirmed subscriptions whose time has come.
CREATE INDEX subscription_due ON subscription (next_due_at, id) WHERE state = 'confirmed';
CREATE INDEX subscription_member ON subscription (member_id) WHERE member_id IS NOT NULL;

-- What a subscriber follows, in the order they added it: each topic is one section of their digests.
CREATE TABLE subscription_topic (
    subscription_id BIGINT  NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('category', 'author', 'query', 'library')),
    value           TEXT    NOT NULL,
    PRIMARY KEY (subscription_id, kind, value)
);

-- A digest as composed: its window and, in digest_item, its papers by section. It is rendered into a mail only
-- when sent (the mail_outbox row names it), so 100,000 digests do not store 100,000 HTML bodies. One digest per
-- subscription and window end, so composing twice (two nodes, a retried run) never makes two.
CREATE TABLE digest (
    id              TEXT   PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    window_from     TEXT   NOT NULL,
    window_until    TEXT   NOT NULL,
    created_at      TEXT   NOT NULL,
    UNIQUE (subscription_id, window_until)
);

-- A paper in a digest. The database keeps the promise that no paper repeats across one subscriber's digests.
CREATE TABLE digest_item (
    digest_id       TEXT    NOT NULL REFERENCES digest (id) ON DELETE CASCADE,
    subscription_id BIGINT  NOT NULL,
    paper_id        TEXT    NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    section         INTEGER NOT NULL, -- 0: trending; n: the topic at position n - 1
    position        INTEGER NOT NULL,
    PRIMARY KEY (digest_id, paper_id),
    UNIQUE (subscription_id, paper_id)
);

-- Secrets this instance makes for itself and shares across its nodes, such as the key that signs the links in
-- digest mails; made once, on first use.
CREATE TABLE instance_secret (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
