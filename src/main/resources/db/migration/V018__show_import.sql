-- Importing a show's archive as its hosts keep it (show import-markdown): listener feedback read from the
-- archive's files is keyed by its path there (so importing again updates instead of duplicating) and is public,
-- since the archive published it; an episode's tags from its notes' preamble. Portable SQL for SQLite and PostgreSQL.

ALTER TABLE feedback ADD COLUMN import_key TEXT;
ALTER TABLE feedback ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX feedback_by_import_key ON feedback (import_key);

CREATE TABLE episode_tags (
    episode_id BIGINT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (episode_id, position)
);
