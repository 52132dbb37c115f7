package org.callisto.show;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of the show's settings: the one row of table {@code show}. Saving them moves the show's change time
 * ({@link ShowChanges}). Thread-safe: every method borrows its own connection from the pool.
 */
public final class ShowSettingsStore {
    private final Database db;
    private final Clock clock;
    private final ShowChanges changes;

    /** @param clock the clock of the settings' {@code updated_at} and of the show's change time */
    public ShowSettingsStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.changes = new ShowChanges(db, clock);
    }

    /** Writes the show's settings, replacing the previous ones. */
    public void saveSettings(ShowSettings s) {
        changes.update(
                "INSERT INTO show (id, title, description, language, author, owner_name, owner_email,"
                        + " artwork_url, categories, explicit, funding_url, funding_text, feedback_address, podcast_guid,"
                        + " locked, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,"
                        + " language = excluded.language, author = excluded.author, owner_name = excluded.owner_name,"
                        + " owner_email = excluded.owner_email, artwork_url = excluded.artwork_url,"
                        + " categories = excluded.categories, explicit = excluded.explicit,"
                        + " funding_url = excluded.funding_url, funding_text = excluded.funding_text,"
                        + " feedback_address = excluded.feedback_address, podcast_guid = excluded.podcast_guid,"
                        + " locked = excluded.locked, updated_at = excluded.updated_at",
                s.title(),
                s.description(),
                s.language(),
                s.author(),
                s.ownerName(),
                s.ownerEmail(),
                s.artworkUrl(),
                String.join("\n", s.categories()),
                s.explicit(),
                s.fundingUrl(),
                s.fundingText(),
                s.feedbackAddress(),
                s.podcastGuid(),
                s.locked(),
                clock.instant());
    }

    /** The show's settings, or empty before they are first saved. */
    public Optional<ShowSettings> settings() {
        return db.withConnection(c -> Sql.first(
                c,
                "SELECT title, description, language, author, owner_name,"
                        + " owner_email, artwork_url, categories, explicit, funding_url, funding_text, feedback_address,"
                        + " podcast_guid, locked, podcast_tags FROM show WHERE id = 1",
                rs -> new ShowSettings(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        Arrays.asList(rs.getString(8).split("\n")),
                        rs.getInt(9) == 1,
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getInt(14) == 1,
                        PodcastTags.channel(rs.getString(15)))));
    }

    /**
     * Sets the show's Podcasting 2.0 tags ({@link PodcastTags.Channel#NONE} removes them); the settings must have
     * been saved first.
     *
     * @return false when there are no settings yet
     */
    public boolean saveTags(PodcastTags.Channel tags) {
        return changes.update(
                        "UPDATE show SET podcast_tags = ?, updated_at = ? WHERE id = 1",
                        PodcastTags.toJson(tags),
                        clock.instant())
                > 0;
    }
}
