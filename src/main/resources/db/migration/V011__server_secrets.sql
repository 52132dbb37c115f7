-- Secrets of the site itself, made once by the first process that needs them and shared by every process on the
-- same database: the key that signs the pre-login form tokens and the device cookies of browsers that logged in
-- before. A row is never changed; deleting it makes a new key at the next start (every signed token and device
-- cookie then stops being recognised, which is how to revoke them all).
-- Portable SQL for SQLite and PostgreSQL.

CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
