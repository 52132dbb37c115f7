package org.callisto.show;

import java.time.Clock;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * What publishing from the browser adds to an episode, in table {@code episode_publishing}: its own artwork and
 * its video poster (paths in the media directory) and the journal story that holds its discussion. Each write
 * moves the show's change time. Thread-safe: every method borrows its own connection.
 */
public final class EpisodePublishingStore {
    private final Database db;
    private final Clock clock;
    private final ShowChanges changes;

    public EpisodePublishingStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.changes = new ShowChanges(db, clock);
    }

    /**
     * What an episode has of these, all empty when nothing was added.
     *
     * @param artworkPath the episode's square artwork in the media directory, or null
     * @param posterPath  the still shown before its video plays, or null
     * @param storyId     the journal story of its discussion, or null
     */
    public record Extras(String artworkPath, String posterPath, Long storyId) {
        static final Extras NONE = new Extras(null, null, null);
    }

    /** The extras of episode {@code episodeId}. */
    public Extras extras(long episodeId) {
        return db.withConnection(c -> Sql.first(
                        c,
                        "SELECT artwork_path, poster_path, story_id FROM episode_publishing WHERE episode_id = ?",
                        rs -> new Extras(rs.getString(1), rs.getString(2), story(Sql.longOrNull(rs, 3))),
                        episodeId)
                .orElse(Extras.NONE));
    }

    /** Sets the episode's artwork (a path in the media directory). */
    public void setArtwork(long episodeId, String path) {
        set(episodeId, "artwork_path", path);
    }

    /** Sets the episode's video poster (a path in the media directory). */
    public void setPoster(long episodeId, String path) {
        set(episodeId, "poster_path", path);
    }

    /**
     * Claims the right to open the episode's discussion: true for exactly one caller however many nodes ask at
     * once (the row's primary key decides), false when a discussion is open or being opened already.
     */
    public boolean claimDiscussion(long episodeId) {
        return db.inTransaction(c -> {
            Sql.update(
                    c,
                    "INSERT INTO episode_publishing (episode_id, updated_at) VALUES (?, ?)"
                            + " ON CONFLICT (episode_id) DO NOTHING",
                    episodeId,
                    clock.instant());
            return Sql.update(
                            c,
                            "UPDATE episode_publishing SET story_id = -1, updated_at = ?"
                                    + " WHERE episode_id = ? AND story_id IS NULL",
                            clock.instant(),
                            episodeId)
                    == 1;
        });
    }

    /** Records the story opened after {@link #claimDiscussion}; with null, gives the claim up again. */
    public void setDiscussion(long episodeId, Long storyId) {
        changes.update(
                "UPDATE episode_publishing SET story_id = ?, updated_at = ? WHERE episode_id = ?",
                storyId,
                clock.instant(),
                episodeId);
    }

    private void set(long episodeId, String column, String value) {
        changes.write(c -> {
            Sql.update(
                    c,
                    "INSERT INTO episode_publishing (episode_id, updated_at) VALUES (?, ?)"
                            + " ON CONFLICT (episode_id) DO NOTHING",
                    episodeId,
                    clock.instant());
            return Sql.update(
                    c,
                    "UPDATE episode_publishing SET " + column + " = ?, updated_at = ? WHERE episode_id = ?",
                    value,
                    clock.instant(),
                    episodeId);
        });
    }

    /** A story id, or null while the discussion is only claimed (-1) or not opened. */
    private static Long story(Long id) {
        return id == null || id <= 0 ? null : id;
    }
}
