package org.callisto.planet.parse;

import java.time.Instant;
import java.util.List;

/**
 * One entry (item) of a parsed feed. {@code title} is plain text; {@code summary} and {@code content} are HTML
 * (text content escaped), not yet sanitized; URLs are absolute where a base was known. Immutable.
 *
 * @param id          the id/guid as written, or null
 * @param link        the entry's permalink, or null
 * @param title       plain-text title, or null
 * @param summary     description/summary as HTML, or null
 * @param content     full content (content:encoded, atom:content, content_html) as HTML, or null
 * @param baseUrl     the base URL in effect for this entry (xml:base, else the feed URL), for resolving the HTML
 * @param authors     authors, possibly empty
 * @param categories  category terms, possibly empty
 * @param published   publication time, or null
 * @param updated     last update time, or null
 * @param enclosures  enclosures (RSS enclosure, atom link rel=enclosure, JSON attachments, media:content)
 * @param imageUrl    an image for the entry (media:thumbnail, itunes:image, JSON image), or null
 * @param commentsUrl link to the comments, or null
 */
public record ParsedEntry(
        String id,
        String link,
        String title,
        String summary,
        String content,
        String baseUrl,
        List<Person> authors,
        List<String> categories,
        Instant published,
        Instant updated,
        List<Enclosure> enclosures,
        String imageUrl,
        String commentsUrl) {}
