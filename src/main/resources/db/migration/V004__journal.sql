-- The journal: stories submitted by members, waiting in the editor queue, then published or rejected.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, {{id}} an identity key.
-- Sources are kept as the member wrote them; intro_html and body_html are what the validator and sanitizer made of
-- them, and are the only columns pages write unescaped. topics holds category names, one per line.

CREATE TABLE stories (
    id {{id}},
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    dept TEXT,
    topics TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL CHECK (format IN ('html', 'text', 'markdown')),
    intro_source TEXT NOT NULL,
    body_source TEXT,
    intro_html TEXT NOT NULL,
    body_html TEXT,
    source_url TEXT,
    duplicate_of BIGINT REFERENCES stories (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
    reject_reason TEXT,
    submitted_at BIGINT NOT NULL,
    published_at BIGINT,
    editor_id BIGINT REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX stories_published ON stories (status, published_at DESC);
CREATE INDEX stories_by_author ON stories (author_id, submitted_at DESC);
CREATE INDEX stories_source_url ON stories (source_url);
