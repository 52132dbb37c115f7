-- The admin pages log more kinds of action in the public moderation log: lifting a ban ('unban') and giving an
-- account a role ('role-member', 'role-editor', 'role-admin'; the new role is part of the action).
-- Portable SQL for SQLite and PostgreSQL: SQLite cannot change a CHECK constraint in place, so the table is made
-- anew and its rows copied over in their order (the ids are assigned again, in the same order; nothing refers to
-- them). The log stays append-only: this is the only statement that ever rewrites it.

CREATE TABLE moderation_log_v9 (
    id {{id}},
    at BIGINT NOT NULL,
    moderator_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL CHECK (action IN ('hide', 'lock', 'unlock', 'ban', 'unban', 'role-member', 'role-editor',
                                           'role-admin')),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('comment', 'story', 'user')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL
);

INSERT INTO moderation_log_v9 (at, moderator_id, action, target_kind, target_id, reason)
    SELECT at, moderator_id, action, target_kind, target_id, reason FROM moderation_log ORDER BY id;

DROP TABLE moderation_log;

ALTER TABLE moderation_log_v9 RENAME TO moderation_log;

CREATE INDEX moderation_log_newest ON moderation_log (at DESC, id DESC);
