-- Download counts of the show's media, and the show's change time (for the page cache of its pages and feeds).
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds.
-- Nothing about who downloaded is kept: no address, no client name, no time finer than the day.

-- One row per media file, UTC day and kind of request. A download counts once, as podcast analytics count it:
-- a GET without a Range ('full') or a GET whose first range starts at byte 0 ('range'); HEAD requests and later
-- ranges (seeking, resuming, players fetching in pieces) are not counted. Rows are added to with
-- INSERT ... ON CONFLICT DO UPDATE from the in-memory counter, every few seconds.
CREATE TABLE download_counts (
    media_path TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('full', 'range')),
    downloads BIGINT NOT NULL,
    PRIMARY KEY (media_path, day, kind)
);

CREATE INDEX download_counts_day ON download_counts (day);

-- One row (id = 1): when anything of the show last changed (settings, episodes, notes, guests, transcripts,
-- renditions). Strictly increasing, so two changes in the same millisecond still give two versions.
CREATE TABLE show_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    changed_at BIGINT NOT NULL
);
