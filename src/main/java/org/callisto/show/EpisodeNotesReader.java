package org.callisto.show;

import java.time.Instant;
import java.util.List;

/**
 * Reads episodes with everything about them (notes, guests, transcripts and renditions) for the show's pages and
 * feeds: one episode, or every episode released by a time. Thread-safe: the stores it reads are.
 */
public final class EpisodeNotesReader {
    private final EpisodeStore episodes;
    private final NoteStore notes;
    private final GuestStore guests;
    private final TranscriptStore transcripts;
    private final RenditionStore renditions;

    public EpisodeNotesReader(
            EpisodeStore episodes,
            NoteStore notes,
            GuestStore guests,
            TranscriptStore transcripts,
            RenditionStore renditions) {
        this.episodes = episodes;
        this.notes = notes;
        this.guests = guests;
        this.transcripts = transcripts;
        this.renditions = renditions;
    }

    /** One episode with its notes, guests, transcripts and renditions. */
    public EpisodeNotes notes(Episode e) {
        return new EpisodeNotes(
                e,
                notes.notes(e.id()),
                guests.guests(e.id()),
                transcripts.transcripts(e.id()),
                renditions.renditions(e.id()));
    }

    /** Every episode released by {@code now}, with everything about it, newest first. */
    public List<EpisodeNotes> released(Instant now) {
        return episodes.episodes().stream()
                .filter(e -> !e.publishedAt().isAfter(now))
                .map(this::notes)
                .toList();
    }
}
