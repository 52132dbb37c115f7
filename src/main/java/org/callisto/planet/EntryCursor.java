package org.callisto.planet;

import java.time.Instant;

/**
 * A place in a newest-first list of entries: an entry's sort time and id. Pages after the first are asked for as
 * "the entries before this place" (keyset pagination), so a page deep in a large archive costs what the first page
 * costs: the query seeks to the place in an index instead of counting past every newer row as {@code OFFSET} does.
 * The id breaks ties between entries of the same time, so no entry is skipped or repeated. Immutable.
 *
 * @param time the sort time (publication time) of the entry at this place, at millisecond precision as stored
 * @param id   the entry's id
 */
public record EntryCursor(Instant time, long id) {

    /** The place of {@code e} in the river, a feed's page or an archive. */
    public static EntryCursor of(Entry e) {
        return new EntryCursor(e.publishedAt(), e.id());
    }

    long millis() {
        return time.toEpochMilli();
    }
}
