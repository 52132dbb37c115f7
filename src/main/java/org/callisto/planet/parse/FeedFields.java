package org.callisto.planet.parse;

import java.util.List;
import java.util.Map;

/**
 * Everything a feed document says, in the field names and shapes of Python's feedparser (the de facto standard
 * vocabulary of feed consumers): {@code feed} and each entry are maps from feedparser's keys ({@code title},
 * {@code title_detail}, {@code links}, {@code tags}, {@code author_detail}, {@code published_parsed},
 * {@code media_content}, {@code itunes_duration}, ...) to strings, numbers, booleans, lists and maps. Keys feedparser
 * has no name for (elements of unknown namespaces) follow its rule: {@code prefix_localname}. Podcast data that
 * feedparser does not interpret is in {@code podcast} (see {@code docs/feed-parsing.md}).
 *
 * <p>Values are as written in the document (HTML not sanitized; URLs resolved against xml:base and the document's
 * URL); the maps are mutable only while being built and must be treated as read-only afterwards. Not thread-safe
 * to mutate; safe to share once built.
 *
 * @param bozo           true when the document was not well-formed (feedparser's {@code bozo})
 * @param bozoException  what was wrong first, in words, or null
 * @param encoding       the character encoding the bytes were decoded with, lower case as feedparser gives it
 * @param version        feedparser's format name: {@code rss20}, {@code rss091u}, {@code rss10}, {@code atom10},
 *                       {@code atom03}, {@code json11}, ... or the empty string when unknown
 * @param namespaces     the namespaces the document declares, by feedparser's prefix
 * @param feed           the feed-level fields
 * @param entries        the entries' fields in document order
 */
public record FeedFields(
        boolean bozo,
        String bozoException,
        String encoding,
        String version,
        Map<String, String> namespaces,
        Map<String, Object> feed,
        List<Map<String, Object>> entries) {}
