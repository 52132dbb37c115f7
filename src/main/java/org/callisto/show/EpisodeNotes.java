package org.callisto.show;

import java.util.List;
import java.util.Optional;

/**
 * An episode with everything a feed or a page shows about it: notes, guests, transcripts and renditions. Immutable.
 *
 * @param episode     the episode
 * @param sections    the show notes, in order
 * @param guests      the guests, in order
 * @param transcripts the transcripts
 * @param renditions  the media files, in {@link RenditionKind} order
 */
public record EpisodeNotes(
        Episode episode,
        List<Section> sections,
        List<Guest> guests,
        List<Transcript> transcripts,
        List<Rendition> renditions) {

    public EpisodeNotes {
        sections = List.copyOf(sections);
        guests = List.copyOf(guests);
        transcripts = List.copyOf(transcripts);
        renditions = List.copyOf(renditions);
    }

    /** The rendition of {@code kind}, if the episode has one. */
    public Optional<Rendition> rendition(RenditionKind kind) {
        return renditions.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
