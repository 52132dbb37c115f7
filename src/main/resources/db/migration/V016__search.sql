-- Full-text search over the planet, the journal and the show: one row per searchable document (a planet entry, a
-- published story, a comment, an episode with its notes), written in the same transaction as what it indexes.
-- Each database indexes it its own way: SQLite an FTS5 table over these rows (kept in step by triggers),
-- PostgreSQL a generated tsvector column with a GIN index. Lines starting with {{sqlite}} or {{postgres}} run only
-- on that database.

CREATE TABLE search_documents (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('entry', 'story', 'comment', 'episode')),
    ref_id BIGINT NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('planet', 'journal', 'show')),
    feed_id BIGINT REFERENCES feeds (id) ON DELETE CASCADE,
    story_id BIGINT REFERENCES stories (id) ON DELETE CASCADE,
    episode_id BIGINT REFERENCES episodes (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    author TEXT,
    published_at BIGINT NOT NULL,
    visible INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, ref_id)
);

CREATE INDEX search_documents_time ON search_documents (published_at DESC, id DESC);
CREATE INDEX search_documents_feed ON search_documents (feed_id, published_at DESC);

{{sqlite}} CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
{{sqlite}} CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END;
{{sqlite}} CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END;
{{sqlite}} CREATE TRIGGER search_documents_au AFTER UPDATE OF title, body ON search_documents BEGIN INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END;

{{postgres}} ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED;
{{postgres}} CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv);
