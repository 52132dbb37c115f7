-- Podcasting 2.0 tags of the show and of its episodes beyond the ones with columns of their own (medium, license,
-- location, podroll, value, update frequency, trailers, txt, soundbites; see show/PodcastTags), kept as one JSON
-- document each, as import-feed reads them or an editor sets them. Portable SQL for SQLite and PostgreSQL.

ALTER TABLE show ADD COLUMN podcast_tags TEXT;
ALTER TABLE episodes ADD COLUMN podcast_tags TEXT;
