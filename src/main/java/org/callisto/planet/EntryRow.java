package org.callisto.planet;

import java.time.Instant;
import java.util.List;

/**
 * An entry ready to be stored: identity decided, HTML already sanitized. Immutable.
 *
 * @param entryKey    the identity within its feed: id/guid, else link, else a content hash
 * @param guid        the id/guid as written, or null
 * @param contentHash a hash of what is shown, to tell an update from a repeat
 * @param published   the time it sorts by, or null to use the first time it was seen
 * @param terms       the entry's own category terms
 * @param details     title markup, author link, comment links and count, "via" source ({@link EntryDetails#NONE})
 * @param origLink    the post's own address a FeedBurner feed names beside its feedproxy {@code link}, or null: the
 *                    canonical link that recognises the post's other copies ({@link PostKeys}); not stored
 */
public record EntryRow(
        String entryKey,
        String guid,
        String link,
        String title,
        String author,
        String summaryHtml,
        String contentHtml,
        List<String> terms,
        String enclosureUrl,
        String enclosureType,
        long enclosureLength,
        String imageUrl,
        Instant published,
        Instant updated,
        String contentHash,
        EntryDetails details,
        String origLink) {

    public EntryRow {
        details = details == null ? EntryDetails.NONE : details;
    }
}
