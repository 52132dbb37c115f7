-- Publishing the show from the browser: an episode's own artwork and video poster (files in the media directory)
-- and the journal story that holds its discussion, claimed once per episode (the primary key) so that two nodes
-- publishing the same episode open one discussion. Portable SQL for SQLite and PostgreSQL.

CREATE TABLE episode_publishing (
    episode_id BIGINT PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    artwork_path TEXT,
    poster_path TEXT,
    story_id BIGINT,
    updated_at BIGINT NOT NULL
);

-- Deleting an episode is recorded in the public moderation log: its CHECKs take the action 'delete-episode' and the
-- target kind 'episode' (the episode's number). SQLite cannot change a CHECK, so the table is copied, as V014 did.
CREATE TABLE moderation_log_v28 (
    id {{id}},
    at BIGINT NOT NULL,
    moderator_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL CHECK (action IN ('hide', 'unhide', 'lock', 'unlock', 'ban', 'unban', 'role-member',
                                           'role-editor', 'role-admin', 'retag', 'delete-episode')),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('comment', 'story', 'user', 'episode')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL
);

INSERT INTO moderation_log_v28 (at, moderator_id, action, target_kind, target_id, reason)
    SELECT at, moderator_id, action, target_kind, target_id, reason FROM moderation_log ORDER BY id;

DROP TABLE moderation_log;

ALTER TABLE moderation_log_v28 RENAME TO moderation_log;

CREATE INDEX moderation_log_newest ON moderation_log (at DESC, id DESC);
