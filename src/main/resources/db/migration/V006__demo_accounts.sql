-- Accounts made by `callisto demo` are marked, so that `callisto serve` can disable them on the same data.
-- Portable SQL for SQLite and PostgreSQL: booleans 0/1.

ALTER TABLE users ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
