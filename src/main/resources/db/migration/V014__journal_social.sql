-- The journal's social side: notifications, votes, flags, tags on stories, tags members hide, moderators' notes on
-- members, and more kinds of action in the public moderation log.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, {{id}} an identity key.

-- What happened that a member should hear of: a reply to their story or comment, a decision on their submission,
-- a mention by @name. read_at is null until they mark it read.
CREATE TABLE notifications (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'accepted', 'rejected', 'mention')),
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    story_id BIGINT REFERENCES stories (id) ON DELETE CASCADE,
    comment_id BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);

CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC);

-- One upvote per member and story or comment; the primary key makes a second one impossible.
CREATE TABLE votes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('story', 'comment')),
    target_id BIGINT NOT NULL,
    target_author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, target_kind, target_id)
);

CREATE INDEX votes_by_target ON votes (target_kind, target_id);
CREATE INDEX votes_by_author ON votes (target_author_id);

-- One flag per member and story or comment, with one of the listed reasons.
CREATE TABLE flags (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('story', 'comment')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('off-topic', 'spam', 'troll', 'already-posted')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, target_kind, target_id)
);

CREATE INDEX flags_by_target ON flags (target_kind, target_id);

-- Tags of a story: lower-case words, set by the submitter, changed by editors.
CREATE TABLE story_tags (
    story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (story_id, tag)
);

CREATE INDEX story_tags_by_tag ON story_tags (tag, story_id);

-- Tags a member does not want to see on the journal's front page.
CREATE TABLE hidden_tags (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (user_id, tag)
);

-- Moderators' notes on a member: seen only by moderators, on the member's profile.
CREATE TABLE member_notes (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES users (id),
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX member_notes_by_user ON member_notes (user_id, created_at DESC);

-- The moderation log gains the undo of a hide ('unhide') and an editor's change of a story's tags ('retag').
-- SQLite cannot change a CHECK constraint in place, so the table is made anew and its rows copied in their order,
-- as V009 did; this and V009 are the only statements that ever rewrite it.
CREATE TABLE moderation_log_v14 (
    id {{id}},
    at BIGINT NOT NULL,
    moderator_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL CHECK (action IN ('hide', 'unhide', 'lock', 'unlock', 'ban', 'unban', 'role-member',
                                           'role-editor', 'role-admin', 'retag')),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('comment', 'story', 'user')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL
);

INSERT INTO moderation_log_v14 (at, moderator_id, action, target_kind, target_id, reason)
    SELECT at, moderator_id, action, target_kind, target_id, reason FROM moderation_log ORDER BY id;

DROP TABLE moderation_log;

ALTER TABLE moderation_log_v14 RENAME TO moderation_log;

CREATE INDEX moderation_log_newest ON moderation_log (at DESC, id DESC);
