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
 * @param titleHtml   the title as inline HTML (not yet sanitized) when the feed marked it up (an Atom {@code type="html"}
 *                    or {@code xhtml} title, an RSS title holding unescaped markup), else null: {@code title} is its text
 * @param source      the feed this entry was copied from (Atom {@code source}, RSS {@code <source>}), or null
 * @param commentsFeedUrl a feed of the comments ({@code wfw:commentRss}, an Atom {@code link rel="replies"} to a feed),
 *                    or null
 * @param commentCount how many comments the feed says there are ({@code slash:comments}, {@code thr:total},
 *                    {@code thr:count}), or null
 * @param origLink    the post's own address when the feed went through FeedBurner ({@code feedburner:origLink},
 *                    feedparser's {@code feedburner_origlink}), whose {@code link} is then a feedproxy redirect; or
 *                    null
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
        String commentsUrl,
        String titleHtml,
        EntrySource source,
        String commentsFeedUrl,
        Integer commentCount,
        String origLink) {}
