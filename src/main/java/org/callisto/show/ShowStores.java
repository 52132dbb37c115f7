package org.callisto.show;

import java.time.Clock;
import org.callisto.db.Database;

/**
 * The show's stores over one database and one clock, made together for the places that wire the show up (the web
 * server, the runtime of the commands, the demo): each store holds the SQL of one entity, and {@link #changes}
 * the show's change time they all move. Immutable and thread-safe: so is every store.
 *
 * @param settings     the show's settings
 * @param episodes     episodes and their chapters
 * @param notes        episodes' notes as a whole
 * @param sections     notes edited section by section
 * @param items        notes edited item by item
 * @param guests       episodes' guests
 * @param transcripts  episodes' transcripts
 * @param renditions   episodes' media renditions
 * @param downloads    the stored download counts
 * @param downloadKeys the daily keys of the listener hashes
 * @param imports      imported episodes with their notes and guests
 * @param episodeNotes episodes with everything about them, for pages and feeds
 * @param changes      the show's change time
 */
public record ShowStores(
        ShowSettingsStore settings,
        EpisodeStore episodes,
        NoteStore notes,
        SectionStore sections,
        ItemStore items,
        GuestStore guests,
        TranscriptStore transcripts,
        RenditionStore renditions,
        DownloadStore downloads,
        DownloadKeyStore downloadKeys,
        EpisodeImportStore imports,
        EpisodeNotesReader episodeNotes,
        ShowChanges changes) {

    /** Every store of the show on {@code db}, with times from {@code clock}. */
    public static ShowStores of(Database db, Clock clock) {
        EpisodeStore episodes = new EpisodeStore(db, clock);
        NoteStore notes = new NoteStore(db, clock);
        GuestStore guests = new GuestStore(db, clock);
        TranscriptStore transcripts = new TranscriptStore(db, clock);
        RenditionStore renditions = new RenditionStore(db, clock);
        return new ShowStores(
                new ShowSettingsStore(db, clock),
                episodes,
                notes,
                new SectionStore(db, clock),
                new ItemStore(db, clock),
                guests,
                transcripts,
                renditions,
                new DownloadStore(db),
                new DownloadKeyStore(db, clock),
                new EpisodeImportStore(db, clock),
                new EpisodeNotesReader(episodes, notes, guests, transcripts, renditions),
                new ShowChanges(db, clock));
    }
}
