-- Filters: rules that keep or drop planet entries by words or regular expressions, for one feed or for all, and
-- the entries they dropped (so that a dropped entry is counted and shown on its feed's page, never silently lost).
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds.

CREATE TABLE entry_filters (
    id {{id}},
    feed_id BIGINT REFERENCES feeds (id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('keep', 'drop')),
    field TEXT NOT NULL CHECK (field IN ('any', 'title', 'content', 'categories', 'author')),
    kind TEXT NOT NULL CHECK (kind IN ('words', 'regex')),
    pattern TEXT NOT NULL,
    origin TEXT,
    created_at BIGINT NOT NULL
);

CREATE INDEX entry_filters_feed ON entry_filters (feed_id);

CREATE TABLE filtered_entries (
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    title TEXT,
    link TEXT,
    rule_id BIGINT NOT NULL REFERENCES entry_filters (id) ON DELETE CASCADE,
    filtered_at BIGINT NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);
