-- The show: its settings, episodes, show notes (sections of curated items), guests, transcripts and renditions.
-- Portable SQL for SQLite and PostgreSQL: times are epoch milliseconds, booleans 0/1, {{id}} an identity key.

-- One row (id = 1): what every podcast feed's channel says.
CREATE TABLE show (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL,
    author TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    owner_email TEXT NOT NULL,
    artwork_url TEXT NOT NULL,
    categories TEXT NOT NULL,
    explicit INTEGER NOT NULL DEFAULT 0,
    funding_url TEXT,
    funding_text TEXT,
    feedback_address TEXT,
    podcast_guid TEXT NOT NULL,
    locked INTEGER NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL
);

CREATE TABLE episodes (
    id {{id}},
    number INTEGER NOT NULL UNIQUE,
    season INTEGER,
    title TEXT NOT NULL,
    slug TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    episode_type TEXT NOT NULL DEFAULT 'full' CHECK (episode_type IN ('full', 'trailer', 'bonus')),
    explicit INTEGER NOT NULL DEFAULT 0,
    guid TEXT NOT NULL UNIQUE,
    chapters_json TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX episodes_published ON episodes (published_at DESC);

CREATE TABLE sections (
    id {{id}},
    episode_id BIGINT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,
    UNIQUE (episode_id, position)
);

CREATE TABLE items (
    id {{id}},
    section_id BIGINT NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    link TEXT,
    summary TEXT NOT NULL DEFAULT '',
    source_kind TEXT CHECK (source_kind IN ('planet', 'journal', 'feedback')),
    source_id BIGINT,
    UNIQUE (section_id, position)
);

CREATE TABLE guests (
    id {{id}},
    episode_id BIGINT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    link TEXT,
    UNIQUE (episode_id, position)
);

CREATE TABLE transcripts (
    id {{id}},
    episode_id BIGINT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    location TEXT NOT NULL,
    mime TEXT NOT NULL CHECK (mime IN ('text/vtt', 'application/x-subrip', 'text/plain')),
    language TEXT,
    UNIQUE (episode_id, location)
);

CREATE TABLE renditions (
    id {{id}},
    episode_id BIGINT NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('mp3', 'hd', 'sd')),
    media_path TEXT NOT NULL,
    mime TEXT NOT NULL,
    length BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    torrent_path TEXT NOT NULL,
    torrent_length BIGINT NOT NULL,
    infohash TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    UNIQUE (episode_id, kind)
);
