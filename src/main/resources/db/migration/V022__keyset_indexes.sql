-- Keyset pagination: a feed's page and a category's archive seek to (time, id) < (?, ?) in these indexes, so a
-- deep page costs what the first costs. They replace the indexes that lacked the id tie-break.
CREATE INDEX entries_by_feed_keyset ON entries (feed_id, published_at DESC, id DESC);
DROP INDEX entries_by_feed;
CREATE INDEX entry_categories_keyset ON entry_categories (category_id, published_at DESC, entry_id DESC);
DROP INDEX entry_categories_archive;
