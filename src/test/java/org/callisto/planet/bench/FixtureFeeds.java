package org.callisto.planet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeds of the refresh benchmark, all derived from a feed's number: its address, its delay, how it answers a
 * conditional request, and its body. Pure functions of the number, so the fixture server and the benchmark agree
 * without talking to each other, and every run serves the same bytes.
 *
 * <p>Feed {@code i} lives at {@code http://127.0.0.{2 + i % hosts}:port/feed/i.xml}. A request without validators
 * (the warm-up round) always gets 200 with version 1 of the feed. A conditional request gets what the feed's
 * {@link Behaviour} says: mostly 304, sometimes version 2 (changed content), sometimes an error. One feed in twenty
 * is a real feed file from the shared corpora (read in place); the others are generated RSS 2.0 or Atom 1.0
 * documents of {@link #ENTRIES} entries with realistic HTML content. Thread-safe (immutable after construction).
 */
final class FixtureFeeds {

    /** Entries in each generated feed. */
    static final int ENTRIES = 20;

    /** How a feed answers a conditional request. */
    enum Behaviour {
        /** 304 Not Modified. */
        NOT_MODIFIED,
        /** 200 with version 2 of the feed: two new entries, one edited, two gone. */
        CHANGED,
        /** 404 Not Found. */
        NOT_FOUND,
        /** 500 Internal Server Error. */
        SERVER_ERROR,
        /** 503 Service Unavailable with Retry-After: 3600. */
        UNAVAILABLE,
        /** No answer for {@link #SLOW_MILLIS}, longer than the benchmark's read timeout. */
        SLOW,
        /** The connection is closed without an answer. */
        CLOSED
    }

    /** How long a slow feed keeps the client waiting before it answers at all. */
    static final long SLOW_MILLIS = 5_000;

    private static final String[] REAL_FILES = {
        "miniflux/internal/reader/parser/testdata/large_rss.xml",
        "miniflux/internal/reader/parser/testdata/large_atom.xml",
        "miniflux/internal/reader/parser/testdata/small_atom.xml",
        "miniflux/internal/reader/parser/testdata/rdf_UTF8.xml",
        "miniflux/internal/reader/parser/testdata/encoding_ISO-8859-1.xml",
        "rome/rome/src/test/resources/rss_2.0.xml",
        "rome/rome/src/test/resources/atom_1.0.xml",
        "rome/rome-modules/src/test/resources/test3.xml",
        "gofeed/testdata/parser/rss/issue_275_channel_item_extensions.xml",
        "podcast-feeds-partytime/fixtures/real-world/themnshow.xml",
    };
    private static final Instant BASE_TIME = Instant.parse("2026-11-01T08:00:00Z");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final int count;
    private final int hosts;
    private final int port;
    private final List<byte[]> realFeeds;
    private final List<String> realNames;

    FixtureFeeds(int count, int hosts, int port, Path corpora) {
        this.count = count;
        this.hosts = hosts;
        this.port = port;
        this.realFeeds = new ArrayList<>();
        this.realNames = new ArrayList<>();
        if (corpora != null) {
            for (String name : REAL_FILES) {
                Path p = corpora.resolve(name);
                if (Files.isRegularFile(p)) {
                    try {
                        realFeeds.add(Files.readAllBytes(p));
                        realNames.add(name);
                    } catch (IOException e) {
                        // an unreadable corpus file is simply not used; generated feeds take its place
                    }
                }
            }
        }
    }

    /** The shared corpora: {@code -Dcallisto.corpora}, else {@code ../shared/corpora}; null when absent. */
    static Path corpora() {
        String prop = System.getProperty("callisto.corpora");
        Path p = prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("../shared/corpora");
        return Files.isDirectory(p) ? p : null;
    }

    int count() {
        return count;
    }

    List<String> realFileNames() {
        return List.copyOf(realNames);
    }

    /** The loopback address feed {@code i} lives on. */
    String host(int i) {
        int n = 2 + i % hosts;
        return "127.0.0." + n;
    }

    String url(int i) {
        return "http://" + host(i) + ":" + port + "/feed/" + i + ".xml";
    }

    /** A well-mixed hash of the feed number, so that neighbours behave independently. */
    static int mix(int i) {
        int h = i * 0x9E3779B1;
        h ^= h >>> 15;
        h *= 0x85EBCA77;
        h ^= h >>> 13;
        return h & 0x7fffffff;
    }

    /** The server's think time for feed {@code i}: 50 to 300 ms. */
    static long delayMillis(int i) {
        return 50 + mix(i ^ 0x5bd1e995) % 251;
    }

    /** What feed {@code i} answers to a conditional request: 87 % 304, 10 % changed, 3 % errors. */
    static Behaviour behaviour(int i) {
        int b = mix(i) % 1000;
        if (b < 100) {
            return Behaviour.CHANGED;
        } else if (b < 110) {
            return Behaviour.NOT_FOUND;
        } else if (b < 120) {
            return Behaviour.SERVER_ERROR;
        } else if (b < 125) {
            return Behaviour.UNAVAILABLE;
        } else if (b < 127) {
            return Behaviour.SLOW;
        } else if (b < 130) {
            return Behaviour.CLOSED;
        }
        return Behaviour.NOT_MODIFIED;
    }

    /** Whether feed {@code i} sends only Last-Modified (no ETag), as many static file servers do. */
    static boolean lastModifiedOnly(int i) {
        return i % 7 == 3;
    }

    /** The ETag of version {@code v} of feed {@code i}. */
    static String etag(int i, int version) {
        return "\"f" + i + "-v" + version + "\"";
    }

    /** The Last-Modified of version {@code v} of feed {@code i}, as an HTTP date. */
    static String lastModified(int i, int version) {
        return RFC_1123.format(BASE_TIME.plusSeconds(i).plusSeconds(86_400L * version));
    }

    /** Whether {@code i} is served from a real corpus file. */
    boolean isReal(int i) {
        return !realFeeds.isEmpty() && i % 20 == 7;
    }

    String contentType(int i) {
        if (isReal(i)) {
            return "application/xml";
        }
        return i % 2 == 0 ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
    }

    /** The body of version {@code v} of feed {@code i}. */
    byte[] body(int i, int version) {
        if (isReal(i)) {
            return realFeeds.get((i / 20) % realFeeds.size());
        }
        String doc = i % 2 == 0 ? rss(i, version) : atom(i, version);
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    // ---- generated documents

    /** Version {@code v} holds entries {@code 2(v-1) .. 2(v-1)+19}; entry 5 is edited in version 2 and later. */
    private static int firstEntry(int version) {
        return 2 * (version - 1);
    }

    private String site(int i) {
        return "http://" + host(i) + ":" + port + "/blog/" + i + "/";
    }

    private String rss(int i, int version) {
        StringBuilder sb = new StringBuilder(40_000);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append(" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n")
                .append("<title>Blog number ")
                .append(i)
                .append(" &amp; friends</title>\n")
                .append("<link>")
                .append(site(i))
                .append("</link>\n")
                .append("<description>Notes from project ")
                .append(i)
                .append(" on builds, releases and people.</description>\n")
                .append("<language>en</language>\n<generator>fixture</generator>\n")
                .append("<lastBuildDate>")
                .append(lastModified(i, version))
                .append("</lastBuildDate>\n");
        int first = firstEntry(version);
        for (int k = first + ENTRIES - 1; k >= first; k--) {
            sb.append("<item>\n<title>")
                    .append(title(i, k))
                    .append("</title>\n")
                    .append("<link>")
                    .append(site(i))
                    .append("posts/")
                    .append(k)
                    .append(".html</link>\n")
                    .append("<guid isPermaLink=\"false\">tag:fixture,2026:")
                    .append(i)
                    .append('/')
                    .append(k)
                    .append("</guid>\n")
                    .append("<pubDate>")
                    .append(RFC_1123.format(published(i, k)))
                    .append("</pubDate>\n")
                    .append("<dc:creator>Author ")
                    .append(k % 5)
                    .append("</dc:creator>\n")
                    .append("<category>")
                    .append(k % 3 == 0 ? "release" : "notes")
                    .append("</category>\n")
                    .append("<description>")
                    .append(escape(summary(i, k)))
                    .append("</description>\n")
                    .append("<content:encoded><![CDATA[")
                    .append(content(i, k, version))
                    .append("]]></content:encoded>\n")
                    .append("</item>\n");
        }
        return sb.append("</channel>\n</rss>\n").toString();
    }

    private String atom(int i, int version) {
        StringBuilder sb = new StringBuilder(40_000);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title type=\"text\">Journal ")
                .append(i)
                .append("</title>\n")
                .append("<subtitle>Release notes and essays</subtitle>\n")
                .append("<link rel=\"alternate\" href=\"")
                .append(site(i))
                .append("\"/>\n")
                .append("<link rel=\"self\" href=\"")
                .append(url(i))
                .append("\"/>\n")
                .append("<id>tag:fixture,2026:journal-")
                .append(i)
                .append("</id>\n")
                .append("<updated>")
                .append(published(i, firstEntry(version) + ENTRIES - 1))
                .append("</updated>\n")
                .append("<author><name>Maintainer ")
                .append(i)
                .append("</name></author>\n");
        int first = firstEntry(version);
        for (int k = first + ENTRIES - 1; k >= first; k--) {
            sb.append("<entry>\n<title type=\"html\">")
                    .append(escape(title(i, k)))
                    .append("</title>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(site(i))
                    .append("posts/")
                    .append(k)
                    .append(".html\"/>\n")
                    .append("<id>tag:fixture,2026:")
                    .append(i)
                    .append("/entry/")
                    .append(k)
                    .append("</id>\n")
                    .append("<published>")
                    .append(published(i, k))
                    .append("</published>\n")
                    .append("<updated>")
                    .append(published(i, k).plusSeconds(k == 5 && version > 1 ? 7200 : 600))
                    .append("</updated>\n")
                    .append("<category term=\"")
                    .append(k % 3 == 0 ? "release" : "notes")
                    .append("\"/>\n")
                    .append("<summary type=\"html\">")
                    .append(escape(summary(i, k)))
                    .append("</summary>\n")
                    .append("<content type=\"html\">")
                    .append(escape(content(i, k, version)))
                    .append("</content>\n")
                    .append("</entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }

    private static Instant published(int i, int k) {
        return BASE_TIME.plusSeconds(3_600L * 6 * k + i % 3_600);
    }

    private static String title(int i, int k) {
        return switch (k % 4) {
            case 0 -> "Release " + (k / 4) + "." + (i % 10) + " is out";
            case 1 -> "Weekly notes, week " + k;
            case 2 -> "Why we moved the build to a new runner (part " + k + ")";
            default -> "Meeting minutes: " + (i % 12 + 1) + "/" + (k % 28 + 1);
        };
    }

    private static String summary(int i, int k) {
        return "<p>A short look at what changed in project " + i + " since post " + (k - 1) + ".</p>";
    }

    /** About 1.5 KB of the HTML bloggers write, including bits the sanitizer must remove. */
    private String content(int i, int k, int version) {
        String edited = k == 5 && version > 1 ? "<p><em>Update:</em> the figures above were corrected.</p>" : "";
        return "<h2>Post " + k + "</h2>"
                + "<p>This week the team of project " + i + " finished the work on the <a href=\"" + site(i)
                + "issues/" + (k * 7) + "\" onclick=\"track()\">parser</a>, cut the memory use of the importer and"
                + " answered <strong>" + (k * 3 + 11) + "</strong> questions on the forum.</p>"
                + "<p><img src=\"" + site(i) + "img/" + k + ".png\" alt=\"chart of the week\" width=\"640\""
                + " height=\"320\"></p>"
                + "<ul><li>Fixed the date parsing of old feeds</li><li>New translation: Catalan</li>"
                + "<li>Faster start-up, by about " + (k % 9 + 1) + "0 ms</li></ul>"
                + "<pre><code>$ make release VERSION=" + k + "." + (i % 10) + "\n$ ./bin/check --all</code></pre>"
                + "<p>Thanks to everyone who tested the release candidate. Questions and comments are welcome on"
                + " the mailing list, as always; the next meeting is on Thursday at 18:00 UTC.</p>"
                + "<script>console.log('analytics');</script>"
                + "<blockquote><p>Small steps, every week, add up to a release.</p></blockquote>"
                + edited;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
