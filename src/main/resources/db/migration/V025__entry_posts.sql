-- One entry for one post: the same post reaching the planet through several feeds is grouped under one post, whose
-- id is the id of its earliest copy (the one shown, credited to its first author). The keys that recognise a copy
-- are kept beside the entry rather than in it: the canonical link, a global entry id (a URL or tag URI), the
-- source feed with the entry id, and a SimHash of the text split in four 16-bit bands for a cheap lookup.
CREATE TABLE entry_posts (
    entry_id BIGINT PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL,
    feed_id BIGINT NOT NULL,
    published_at BIGINT NOT NULL,
    link_key TEXT,
    id_key TEXT,
    source_key TEXT,
    simhash BIGINT,
    band0 INTEGER,
    band1 INTEGER,
    band2 INTEGER,
    band3 INTEGER
);

CREATE INDEX entry_posts_post ON entry_posts (post_id);
CREATE INDEX entry_posts_link ON entry_posts (link_key);
CREATE INDEX entry_posts_id ON entry_posts (id_key);
CREATE INDEX entry_posts_source ON entry_posts (source_key);
CREATE INDEX entry_posts_band0 ON entry_posts (band0);
CREATE INDEX entry_posts_band1 ON entry_posts (band1);
CREATE INDEX entry_posts_band2 ON entry_posts (band2);
CREATE INDEX entry_posts_band3 ON entry_posts (band3);

-- What administrators did to posts: a split of a wrong merge, a merge of a missed one. Append-only.
CREATE TABLE entry_post_log (
    id {{id}},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('split', 'merge')),
    entry_id BIGINT NOT NULL,
    other_entry_id BIGINT
);
