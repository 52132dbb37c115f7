-- What the parsing model gained, kept per entry: the title's inline markup (sanitized), the author's link, the
-- links to the entry's comments and their count, and the feed it was copied from (its "via" credit). Enclosures
-- already have their columns (enclosure_url, enclosure_type, enclosure_length).
ALTER TABLE entries ADD COLUMN title_html TEXT;
ALTER TABLE entries ADD COLUMN author_uri TEXT;
ALTER TABLE entries ADD COLUMN comments_url TEXT;
ALTER TABLE entries ADD COLUMN comments_feed_url TEXT;
ALTER TABLE entries ADD COLUMN comment_count INTEGER;
ALTER TABLE entries ADD COLUMN source_title TEXT;
ALTER TABLE entries ADD COLUMN source_link TEXT;
ALTER TABLE entries ADD COLUMN source_feed_url TEXT;
ALTER TABLE entries ADD COLUMN source_id TEXT;
