-- Download counts the IAB way (docs/show-media.md, "Download counts"). Portable SQL for SQLite and PostgreSQL;
-- times are epoch milliseconds, days are UTC days written YYYY-MM-DD.
-- The counts of V008 (download_counts: any GET of a whole file or of a first range) are kept as they were and no
-- longer added to; these tables count by the new rules from now on.

-- One secret per UTC day, made by the first node that needs it and shared by every node on the database: the key
-- of the day's listener hashes. Deleted two days later, after which the hashes made with it mean nothing.
CREATE TABLE download_keys (
    day TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Who has been counted for which episode in the last 24 hours: the keyed hash of address (/64 for IPv6) and user
-- agent, never the address. A row older than 24 hours is deleted by the next flush of any node.
CREATE TABLE download_listeners (
    listener TEXT NOT NULL,
    episode TEXT NOT NULL,
    counted_at BIGINT NOT NULL,
    PRIMARY KEY (listener, episode)
);

CREATE INDEX download_listeners_counted_at ON download_listeners (counted_at);

-- The counted downloads: per media file, UTC day and podcast app (from the user agent by the apps list).
CREATE TABLE download_days (
    media_path TEXT NOT NULL,
    day TEXT NOT NULL,
    app TEXT NOT NULL,
    downloads BIGINT NOT NULL,
    PRIMARY KEY (media_path, day, app)
);

CREATE INDEX download_days_day ON download_days (day);
