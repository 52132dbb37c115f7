-- The accounts of the journal: users, invitations and server-side sessions.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, booleans 0/1, {{id}} an identity key.
-- Secrets are never stored as given: sessions and invitations keep a SHA-256 of their random id or code.
-- Rate limits are kept in memory (one node), so they have no table.

CREATE TABLE users (
    id {{id}},
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'editor', 'admin')),
    banned INTEGER NOT NULL DEFAULT 0,
    banned_reason TEXT,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL,
    invited_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX users_invited_by ON users (invited_by);

CREATE TABLE invitations (
    id {{id}},
    code_hash TEXT NOT NULL UNIQUE,
    created_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    used_at BIGINT
);

CREATE INDEX invitations_by_creator ON invitations (created_by, created_at DESC);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_agent TEXT
);

CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);
