-- The planet: subscriptions, categories and aggregated entries.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, booleans 0/1, {{id}} an identity key.

CREATE TABLE categories (
    id {{id}},
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE feeds (
    id {{id}},
    url TEXT NOT NULL UNIQUE,
    name TEXT,
    title TEXT,
    site_url TEXT,
    description TEXT,
    image_url TEXT,
    format TEXT,
    encoding TEXT,
    etag TEXT,
    last_modified TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    disabled_reason TEXT,
    created_at BIGINT NOT NULL,
    last_fetch_at BIGINT,
    last_success_at BIGINT,
    next_fetch_at BIGINT NOT NULL DEFAULT 0,
    last_status INTEGER,
    last_error_kind TEXT,
    last_error TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    ill_formed INTEGER NOT NULL DEFAULT 0,
    problems TEXT,
    ttl_minutes INTEGER,
    fresh_for_seconds BIGINT
);

CREATE INDEX feeds_next_fetch ON feeds (disabled, next_fetch_at);

CREATE TABLE feed_categories (
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (feed_id, category_id)
);

CREATE TABLE entries (
    id {{id}},
    feed_id BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    guid TEXT,
    link TEXT,
    title TEXT,
    author TEXT,
    summary_html TEXT,
    content_html TEXT,
    terms TEXT,
    enclosure_url TEXT,
    enclosure_type TEXT,
    enclosure_length BIGINT,
    image_url TEXT,
    published_at BIGINT NOT NULL,
    updated_at BIGINT,
    first_seen_at BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    UNIQUE (feed_id, entry_key)
);

CREATE INDEX entries_river ON entries (published_at DESC, id DESC);
CREATE INDEX entries_by_feed ON entries (feed_id, published_at DESC);

CREATE TABLE entry_categories (
    entry_id BIGINT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    published_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, category_id)
);

CREATE INDEX entry_categories_archive ON entry_categories (category_id, published_at DESC);

CREATE TABLE planet_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
