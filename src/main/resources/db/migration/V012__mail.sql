-- Joining and mail: members' mail addresses and their settings, invitations sent by mail and revoked, and the
-- single-use links mailed for password resets and address verification.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, booleans 0/1.
-- Link tokens are stored as a SHA-256 of the random token, as sessions and invitations are.

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN email_key TEXT;
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
ALTER TABLE users ADD COLUMN notify_by_mail INTEGER NOT NULL DEFAULT 1;

CREATE INDEX users_email_key ON users (email_key);

ALTER TABLE invitations ADD COLUMN email TEXT;
ALTER TABLE invitations ADD COLUMN revoked_at BIGINT;

CREATE TABLE mail_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('reset', 'verify')),
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX mail_tokens_by_user ON mail_tokens (user_id, purpose);
