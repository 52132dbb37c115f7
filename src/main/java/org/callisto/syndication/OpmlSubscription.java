package org.callisto.syndication;

import java.util.List;

/**
 * One subscription as OPML carries it: an {@code <outline type="rss">}. Immutable.
 *
 * @param xmlUrl     the feed's URL, as written (not checked)
 * @param name       the name shown for it ({@code text}, else {@code title}), or null
 * @param htmlUrl    the site the feed belongs to, or null
 * @param categories its categories: those of the {@code category} attribute and the folders it sits in
 * @param line       the line of the outline in the document read, or 0 for one built to be written
 */
public record OpmlSubscription(String xmlUrl, String name, String htmlUrl, List<String> categories, int line) {

    public OpmlSubscription {
        categories = List.copyOf(categories);
    }

    /** A subscription to be written. */
    public static OpmlSubscription of(String xmlUrl, String name, String htmlUrl, List<String> categories) {
        return new OpmlSubscription(xmlUrl, name, htmlUrl, categories, 0);
    }
}
