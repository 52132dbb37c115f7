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

    /** What {@link #importIfChanged} did. */
    public enum Change {
        ADDED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Creates or updates the episode of {@code parsed} with its tags, as {@link #importEpisode} does, unless the
     * stored episode already says the same (fields, notes, guests and tags): then nothing is written, and the
     * show's change time does not move.
     */
    public Change importIfChanged(ParsedNotes parsed, java.util.List<String> tags) {
        EpisodeDraft d = parsed.episode();
        java.util.Optional<Episode> old = episodes.episode(d.number());
        if (old.isPresent()) {
            Episode e = old.get();
            boolean same = e.title().equals(d.title())
                    && e.slug().equals(d.slug())
                    && e.publishedAt().equals(d.publishedAt())
                    && e.summary().equals(d.summary())
                    && e.type() == d.type()
                    && e.explicit() == d.explicit()
                    && java.util.Objects.equals(e.season(), d.season())
                    && notes.notes(e.id()).equals(parsed.sections())
                    && guests.guests(e.id()).equals(parsed.guests())
                    && db.withConnection(c -> TagStore.tags(c, e.id())).equals(tags);
            if (same) {
                return Change.UNCHANGED;
            }
        }
        boolean[] created = new boolean[1];
        db.inTransaction(c -> {
            created[0] = !EpisodeStore.exists(c, d.number());
            long episodeId = episodes.upsert(c, d);
            notes.replace(c, episodeId, parsed.sections());
            guests.replace(c, episodeId, parsed.guests());
            TagStore.replace(c, episodeId, tags);
            return episodeId;
        });
        return created[0] ? Change.ADDED : Change.UPDATED;
    }

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
