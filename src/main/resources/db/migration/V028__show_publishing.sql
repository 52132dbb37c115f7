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
