-- Rate limits shared by every node on one database: one row per limit key (a token bucket's tokens, or a failure
-- backoff's failures not yet forgiven) with the time it was last changed. A row past expires_at is worth no more
-- than no row (a full bucket, every failure forgiven) and is deleted by the clean-up work.
CREATE TABLE rate_limits (
    limit_key TEXT PRIMARY KEY,
    amount DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX rate_limits_expires ON rate_limits (expires_at);

-- Work that one node of several does per period (clean-ups): the node that stamps a name's row first holds it until
-- until_at; the others skip that period.
CREATE TABLE work_leases (
    name TEXT PRIMARY KEY,
    node TEXT NOT NULL,
    until_at BIGINT NOT NULL
);
