package org.callisto.show;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of episodes (table {@code episodes}): creating and updating them, their JSON chapters, deleting them
 * with everything that hangs off them, and reading them. Every write moves the show's change time
 * ({@link ShowChanges}) in its own transaction. Thread-safe: every method borrows its own connection from the pool.
 */
public final class EpisodeStore {
    private static final String COLUMNS = "id, number, season, title, slug, published_at, summary, episode_type,"
            + " explicit, guid, chapters_json, podcast_tags";

    private final Database db;
    private final Clock clock;
    private final ShowChanges changes;

    /** @param clock the clock of the episodes' {@code created_at} and {@code updated_at} and of the change time */
    public EpisodeStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.changes = new ShowChanges(db, clock);
    }

    /**
     * Creates the episode with the draft's number, or updates it. An existing episode keeps its guid, so feeds
     * never show it twice; a new one takes the draft's guid or a new random UUID.
     */
    public Episode saveEpisode(EpisodeDraft d) {
        long id = changes.write(c -> upsert(c, d));
        return byId(id).orElseThrow(() -> new IllegalStateException(
                "show: episode " + d.number() + " was deleted while it was being saved; save it again"));
    }

    /**
     * {@link #saveEpisode} inside the caller's transaction, moving the change time; returns the episode's id.
     */
    long upsert(Connection c, EpisodeDraft d) throws SQLException {
        Instant now = clock.instant();
        String guid = d.guid() != null && !d.guid().isBlank()
                ? d.guid().strip()
                : UUID.randomUUID().toString();
        long id = Sql.first(
                        c,
                        "INSERT INTO episodes (number, season, title, slug, published_at, summary,"
                                + " episode_type, explicit, guid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (number) DO UPDATE SET season = excluded.season, title = excluded.title,"
                                + " slug = excluded.slug, published_at = excluded.published_at, summary = excluded.summary,"
                                + " episode_type = excluded.episode_type, explicit = excluded.explicit,"
                                + " updated_at = excluded.updated_at RETURNING id",
                        rs -> rs.getLong(1),
                        d.number(),
                        d.season(),
                        d.title(),
                        d.slug(),
                        d.publishedAt(),
                        d.summary(),
                        d.type().value(),
                        d.explicit(),
                        guid,
                        now,
                        now)
                .orElseThrow();
        changes.touch(c);
        return id;
    }

    /** Whether an episode numbered {@code number} exists, inside the caller's transaction. */
    static boolean exists(Connection c, int number) throws SQLException {
        return Sql.first(c, "SELECT 1 FROM episodes WHERE number = ?", rs -> true, number)
                .isPresent();
    }

    /** The episode numbered {@code number}. */
    public Optional<Episode> episode(int number) {
        return db.withConnection(c ->
                Sql.first(c, "SELECT " + COLUMNS + " FROM episodes WHERE number = ?", EpisodeStore::episode, number));
    }

    /** The episode with database id {@code id}. */
    Optional<Episode> byId(long id) {
        return db.withConnection(
                c -> Sql.first(c, "SELECT " + COLUMNS + " FROM episodes WHERE id = ?", EpisodeStore::episode, id));
    }

    /** Every episode, newest first (by release time, then number). */
    public List<Episode> episodes() {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM episodes ORDER BY published_at DESC, number DESC",
                EpisodeStore::episode));
    }

    /** Changes an episode's title, release time and summary; its number, guid and notes stay. */
    public boolean updateEpisode(long episodeId, String title, Instant publishedAt, String summary) {
        return changes.update(
                        "UPDATE episodes SET title = ?, published_at = ?, summary = ?, updated_at = ?"
                                + " WHERE id = ?",
                        title,
                        publishedAt,
                        summary,
                        clock.instant(),
                        episodeId)
                > 0;
    }

    /** Changes an episode's release time alone; false when it no longer exists. */
    public boolean setPublishedAt(long episodeId, Instant publishedAt) {
        return changes.update(
                        "UPDATE episodes SET published_at = ?, updated_at = ? WHERE id = ?",
                        publishedAt,
                        clock.instant(),
                        episodeId)
                > 0;
    }

    /** Changes an episode's season (null for none), type and explicit flag; false when it no longer exists. */
    public boolean updateEpisodeKind(long episodeId, Integer season, EpisodeType type, boolean explicit) {
        return changes.update(
                        "UPDATE episodes SET season = ?, episode_type = ?, explicit = ?, updated_at = ?"
                                + " WHERE id = ?",
                        season,
                        type.value(),
                        explicit,
                        clock.instant(),
                        episodeId)
                > 0;
    }

    /** Sets (or with null, removes) an episode's JSON chapters document. */
    public void setChapters(long episodeId, String chaptersJson) {
        changes.update("UPDATE episodes SET chapters_json = ? WHERE id = ?", chaptersJson, episodeId);
    }

    /** Deletes an episode with its notes, guests, transcripts and renditions (not the files). */
    public boolean deleteEpisode(long episodeId) {
        return changes.update("DELETE FROM episodes WHERE id = ?", episodeId) > 0;
    }

    private static Episode episode(ResultSet rs) throws SQLException {
        return new Episode(
                rs.getLong(1),
                rs.getInt(2),
                Sql.intOrNull(rs, 3),
                rs.getString(4),
                rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                rs.getString(7),
                EpisodeType.of(rs.getString(8)),
                rs.getInt(9) == 1,
                rs.getString(10),
                rs.getString(11),
                PodcastTags.item(rs.getString(12)));
    }

    /** Sets an episode's Podcasting 2.0 tags ({@link PodcastTags.Item#NONE} removes them). */
    public void setTags(long episodeId, PodcastTags.Item tags) {
        changes.update("UPDATE episodes SET podcast_tags = ? WHERE id = ?", PodcastTags.toJson(tags), episodeId);
    }

    /** The episode whose guid is {@code guid}, exactly. */
    public Optional<Episode> byGuid(String guid) {
        return db.withConnection(
                c -> Sql.first(c, "SELECT " + COLUMNS + " FROM episodes WHERE guid = ?", EpisodeStore::episode, guid));
    }
}
