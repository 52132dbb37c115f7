package org.callisto.syndication;

import java.util.List;

/**
 * An OPML subscription list as read by {@link OpmlReader}. Immutable.
 *
 * @param title         the {@code <head><title>}, or null
 * @param subscriptions the feeds, each URL once (categories of repeated outlines merged), in document order
 * @param skipped       outlines that are neither a feed nor a folder, each described with its line, e.g.
 *                      {@code line 12: outline 'Links' has no xmlUrl}
 */
public record OpmlDocument(String title, List<OpmlSubscription> subscriptions, List<String> skipped) {

    public OpmlDocument {
        subscriptions = List.copyOf(subscriptions);
        skipped = List.copyOf(skipped);
    }
}
