-- Listener feedback and questions, sent through the public form at /feedback and read by editors at
-- /editor/feedback. Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, {{id}} an identity key.
-- The email address is only ever shown to editors. used_in_episode is the number of the episode whose show notes
-- took the item up (no foreign key: episodes belong to the show, and notes keep the item if the episode goes).

CREATE TABLE feedback (
    id {{id}},
    name TEXT,
    email TEXT,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'answered', 'archived')),
    received_at BIGINT NOT NULL,
    decided_at BIGINT,
    used_in_episode INTEGER,
    used_at BIGINT
);

CREATE INDEX feedback_by_status ON feedback (status, received_at);
