package org.callisto.show;

import java.time.Clock;
import org.callisto.db.Database;

/**
 * Saves one imported episode with its notes and guests in one transaction, as {@link EpisodeStore#saveEpisode},
 * {@link NoteStore#setNotes} and {@link GuestStore#setGuests} would one after the other, each moving the show's
 * change time ({@link ShowChanges}). Thread-safe: the stores it writes through are.
 */
public final class EpisodeImportStore {
    private final Database db;
    private final EpisodeStore episodes;
    private final NoteStore notes;
    private final GuestStore guests;

    /** @param clock the clock of the episodes' times and of the show's change time */
    public EpisodeImportStore(Database db, Clock clock) {
        this.db = db;
        this.episodes = new EpisodeStore(db, clock);
        this.notes = new NoteStore(db, clock);
        this.guests = new GuestStore(db, clock);
    }

    /** An episode saved by {@link #importEpisode}, and whether it was new. */
    public record Saved(Episode episode, boolean created) {}

    /** Creates or updates the episode of {@code parsed} (found by its number), replacing its notes and guests. */
    public Saved importEpisode(ParsedNotes parsed) {
        boolean[] created = new boolean[1];
        long id = db.inTransaction(c -> {
            created[0] = !EpisodeStore.exists(c, parsed.episode().number());
            long episodeId = episodes.upsert(c, parsed.episode());
            notes.replace(c, episodeId, parsed.sections());
            guests.replace(c, episodeId, parsed.guests());
            return episodeId;
        });
        return new Saved(
                episodes.byId(id)
                        .orElseThrow(() -> new IllegalStateException(
                                "show: episode " + parsed.episode().number()
                                        + " was deleted while it was being imported; import it again")),
                created[0]);
    }
}
