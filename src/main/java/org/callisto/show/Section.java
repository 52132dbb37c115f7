package org.callisto.show;

import java.util.List;
import java.util.Objects;

/**
 * One section of an episode's show notes, e.g. "Headlines", with its items in order. Immutable.
 *
 * @param heading the section's heading
 * @param items   the items, in the order they are discussed
 */
public record Section(String heading, List<NoteItem> items) {

    /** The sections a new episode starts with, in this order. */
    public static final List<String> DEFAULT_HEADINGS =
            List.of("Headlines", "Interview", "News Roundup", "Beastie Bits", "Feedback/Questions");

    public Section {
        Objects.requireNonNull(heading, "heading");
        items = List.copyOf(items);
    }
}
