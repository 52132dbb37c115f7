package org.callisto.show;

import java.time.Clock;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The SQL of an episode's transcripts (table {@code transcripts}): one per location. Saving one moves the show's
 * change time ({@link ShowChanges}) in the same transaction. Thread-safe: every method borrows its own connection
 * from the pool.
 */
public final class TranscriptStore {
    private final Database db;
    private final ShowChanges changes;

    /** @param clock the clock of the show's change time */
    public TranscriptStore(Database db, Clock clock) {
        this.db = db;
        this.changes = new ShowChanges(db, clock);
    }

    /** Adds a transcript to an episode, or updates the one at the same location. */
    public void saveTranscript(long episodeId, Transcript t) {
        changes.update(
                "INSERT INTO transcripts (episode_id, location, mime, language) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (episode_id, location) DO UPDATE SET mime = excluded.mime,"
                        + " language = excluded.language",
                episodeId,
                t.location(),
                t.mimeType(),
                t.language());
    }

    /** An episode's transcripts, in the order they were first added. */
    public List<Transcript> transcripts(long episodeId) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT location, mime, language FROM transcripts" + " WHERE episode_id = ? ORDER BY id",
                rs -> new Transcript(rs.getString(1), rs.getString(2), rs.getString(3)),
                episodeId));
    }
}
