-- The change feed: what every process sharing the store must apply to what it remembers (core's ChangeFeed).
-- A change's number comes from the one row of change_feed_head, updated just before the change commits: the
-- row's lock makes writers take numbers in the order they commit, with no gap, so a reader that has read up to
-- a number never has to come back for a smaller one.
CREATE TABLE change_feed_head (
    id     INTEGER NOT NULL PRIMARY KEY,
    latest BIGINT  NOT NULL,
    CONSTRAINT change_feed_head_one_row CHECK (id = 1)
);
INSERT INTO change_feed_head (id, latest) VALUES (1, 0);

-- What changed: a key (its appKey), a user (its id) or a role (its id), of an account; and the process that
-- changed it (its name among the followers), which has applied it already. Never a secret.
CREATE TABLE change_feed (
    sequence BIGINT                   NOT NULL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    account  VARCHAR(40)              NOT NULL,
    kind     VARCHAR(10)              NOT NULL,
    subject  VARCHAR(80)              NOT NULL,
    origin   VARCHAR(64)              NOT NULL
);
-- pruning old changes
CREATE INDEX change_feed_by_time ON change_feed (at);

-- The processes following the feed, how far each has applied it, and when each last said so.
CREATE TABLE change_followers (
    name     VARCHAR(64)              NOT NULL PRIMARY KEY,
    applied  BIGINT                   NOT NULL,
    heard_at TIMESTAMP WITH TIME ZONE NOT NULL
);
