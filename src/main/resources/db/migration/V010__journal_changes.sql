-- The journal's change clock: one row whose changed_at every write to stories, comments, discussion locks and the
-- moderation log moves forward in the same transaction. Journal pages take their ETag and Last-Modified from it and
-- the page cache empties itself when it moves (see docs/web.md).
-- Portable SQL for SQLite and PostgreSQL: epoch milliseconds; the value only grows (a write in the same millisecond
-- as the last one adds 1), so two changes never share a version.

CREATE TABLE journal_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    changed_at BIGINT NOT NULL
);

INSERT INTO journal_changes (id, changed_at) VALUES (1, 0);
