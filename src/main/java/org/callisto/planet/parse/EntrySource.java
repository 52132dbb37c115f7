package org.callisto.planet.parse;

/**
 * The feed an entry was copied from, as the entry says (Atom {@code source}, RSS {@code <source url="...">}): what a
 * planet of planets credits ("via ..."). URLs are absolute where a base was known; any part may be null, not all.
 * Immutable.
 *
 * @param title   the source feed's title, plain text, or null
 * @param link    the source's site (Atom {@code link rel="alternate"}), or null
 * @param feedUrl the source feed's own URL (Atom {@code link rel="self"}, RSS {@code url}), or null
 * @param id      the source feed's id (Atom {@code id}), or null
 */
public record EntrySource(String title, String link, String feedUrl, String id) {

    /** A source from its parts, or null when the entry named none of them. */
    static EntrySource of(String title, String link, String feedUrl, String id) {
        if (title == null && link == null && feedUrl == null && id == null) {
            return null;
        }
        return new EntrySource(title, link, feedUrl, id);
    }
}
