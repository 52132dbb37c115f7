-- WebSub, both ways.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, {{id}} an identity key.

-- The planet's subscriptions to the hubs its feeds name. id is the random, unguessable part of the callback URL
-- (/websub/callback/{id}); state is requested, active, unsubscribing, denied or failed.
CREATE TABLE websub_subscriptions (
    id TEXT PRIMARY KEY,
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    hub TEXT NOT NULL,
    topic TEXT NOT NULL,
    secret TEXT NOT NULL,
    state TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    verified_at BIGINT,
    lease_until BIGINT,
    pushed_at BIGINT,
    last_error TEXT
);
CREATE INDEX websub_subscriptions_feed ON websub_subscriptions (feed_id);

-- The subscribers of this site's own hub, one per topic and callback.
CREATE TABLE websub_hub_subscriptions (
    id {{id}},
    topic TEXT NOT NULL,
    callback TEXT NOT NULL,
    secret TEXT,
    lease_until BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (topic, callback)
);

-- What this site's hub last saw of each topic it has subscribers for: a change of the hash is a notification.
CREATE TABLE websub_topics (
    topic TEXT PRIMARY KEY,
    content_sha256 TEXT NOT NULL,
    checked_at BIGINT NOT NULL
);
