package org.callisto.show;

import java.util.Objects;

/**
 * One item of the show notes: a story discussed on the show, with where it was curated from. Immutable.
 *
 * @param title      the title
 * @param link       the story's address, or null
 * @param summary    what was said about it, Markdown, possibly empty
 * @param sourceKind where it was curated from, or null
 * @param sourceId   the id of the planet entry, journal story or feedback it came from, or null
 */
public record NoteItem(String title, String link, String summary, SourceKind sourceKind, Long sourceId) {

    public NoteItem {
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        if ((sourceKind == null) != (sourceId == null)) {
            throw new IllegalArgumentException("item \"" + title + "\" names a source kind without an id or an id"
                    + " without a kind; give both or neither");
        }
    }

    /** An item curated by hand, with no source in Callisto. */
    public static NoteItem of(String title, String link, String summary) {
        return new NoteItem(title, link, summary, null, null);
    }
}
