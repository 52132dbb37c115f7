package org.callisto.websub;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which topics this site's hub serves: the URLs, under the site's public base URL, of its output feeds (planet,
 * categories, one feed, journal, comments, tags, podcast feeds and search feeds). Immutable and thread-safe.
 */
final class OwnTopics {
    /** The paths of the site's output feeds, as registered in the web layer's routing table. */
    static final List<Pattern> FEED_PATHS = List.of(
            Pattern.compile("/(atom|rss)\\.xml"),
            Pattern.compile("/category/[^/]+/(atom|rss)\\.xml"),
            Pattern.compile("/feeds/[0-9]+/(atom|rss)\\.xml"),
            Pattern.compile("/journal/(atom|rss)\\.xml"),
            Pattern.compile("/stories/[0-9]+/comments\\.atom"),
            Pattern.compile("/tags/[^/]+/atom\\.xml"),
            Pattern.compile("/show/feeds/[a-z0-9-]+\\.xml"),
            Pattern.compile("/search/atom\\.xml"));

    private final String base;

    /** @param siteUrl the site's public base URL ({@code site.url}) */
    OwnTopics(URI siteUrl) {
        String s = siteUrl.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The local path and query of {@code topic} when it is one of this site's feeds, else empty. */
    Optional<String> localPath(String topic) {
        if (topic == null || !topic.startsWith(base + "/") || topic.contains("#")) {
            return Optional.empty();
        }
        String rest = topic.substring(base.length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        return FEED_PATHS.stream().anyMatch(p -> p.matcher(path).matches()) ? Optional.of(rest) : Optional.empty();
    }

    /** The site's hub URL. */
    String hub() {
        return base + "/websub/hub";
    }

    /** The callback URL of the subscription {@code id}. */
    String callback(String id) {
        return base + "/websub/callback/" + id;
    }

    /** The feed paths in words, for error messages. */
    static String examples() {
        return "/atom.xml, /rss.xml, /category/{slug}/atom.xml, /feeds/{id}/atom.xml, /journal/atom.xml,"
                + " /stories/{id}/comments.atom, /tags/{tag}/atom.xml, /show/feeds/{name}.xml, /search/atom.xml?q=…";
    }
}
