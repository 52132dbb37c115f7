package org.callisto.show;

import java.net.URI;

/**
 * The public addresses of the show's files and feeds, all under the site URL: media files and their torrents at
 * {@code media/PATH}, feeds at {@code show/feeds/NAME.xml}, episode pages at {@code episodes/NUMBER} and JSON chapters at
 * {@code show/NUMBER/chapters.json}. Immutable and thread-safe.
 */
public final class ShowUrls {
    private final String base;

    /** Addresses under {@code siteUrl}, e.g. {@code https://bsdweekly.example/}. */
    public ShowUrls(URI siteUrl) {
        String s = siteUrl.toString();
        this.base = s.endsWith("/") ? s : s + "/";
    }

    /** The site's home page. */
    public String site() {
        return base;
    }

    /**
     * The direct download of a file in the media directory; {@code path} uses {@code /} separators. A remote file
     * (an absolute http(s) URL, as import-feed keeps enclosures) is its own address.
     */
    public String media(String path) {
        if (Rendition.isRemote(path)) {
            return path;
        }
        StringBuilder b = new StringBuilder(base).append("media/");
        for (String segment : path.split("/")) {
            if (b.charAt(b.length() - 1) != '/') {
                b.append('/');
            }
            b.append(encodeSegment(segment));
        }
        return b.toString();
    }

    /** A transcript's address: its own when absolute, else a file in the media directory. */
    public String transcript(Transcript t) {
        return t.location().matches("(?i)https?://.*") ? t.location() : media(t.location());
    }

    /** The page of an episode. */
    public String episode(Episode e) {
        return base + "episodes/" + e.number();
    }

    /** The JSON chapters of an episode. */
    public String chapters(Episode e) {
        return base + "show/" + e.number() + "/chapters.json";
    }

    /** A podcast feed. */
    public String feed(PodcastFeed feed) {
        return base + "show/feeds/" + feed.slug() + ".xml";
    }

    /** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
    private static String encodeSegment(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
