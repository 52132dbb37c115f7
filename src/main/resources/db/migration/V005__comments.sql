-- Comments on published stories, the locks that close a story's discussion, and the public moderation log.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, booleans 0/1, {{id}} an identity key.
-- thread_id is the top-level comment a reply belongs to (a top-level comment's own id); depth is 1 at the top.
-- html is what the validator and sanitizer made of source, and is the only column pages write unescaped.
-- moderation_log is append-only: the program inserts rows and reads them, and has no statement that changes one.

CREATE TABLE comments (
    id {{id}},
    story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    thread_id BIGINT,
    depth INTEGER NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    format TEXT NOT NULL CHECK (format IN ('html', 'text', 'markdown')),
    source TEXT NOT NULL,
    html TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    deleted INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX comments_by_story ON comments (story_id, created_at);
CREATE INDEX comments_by_parent ON comments (parent_id);

CREATE TABLE comment_locks (
    story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    locked_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    locked_at BIGINT NOT NULL
);

CREATE TABLE moderation_log (
    id {{id}},
    at BIGINT NOT NULL,
    moderator_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL CHECK (action IN ('hide', 'lock', 'unlock', 'ban')),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('comment', 'story', 'user')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL
);

CREATE INDEX moderation_log_newest ON moderation_log (at DESC, id DESC);
