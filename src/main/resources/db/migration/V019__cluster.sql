-- Several nodes on one database: each due feed is leased to one node at a time (claimed_by, claimed_until), the
-- fetcher's per-host limit holds for all nodes together (fetch_host_slots). A lease or a slot whose time has passed belongs to nobody: a node that died gives its work back.

ALTER TABLE feeds ADD COLUMN claimed_by TEXT;

ALTER TABLE feeds ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;

CREATE TABLE fetch_host_slots (
    host TEXT NOT NULL,
    slot INTEGER NOT NULL,
    node TEXT NOT NULL,
    until_at BIGINT NOT NULL,
    PRIMARY KEY (host, slot)
);
