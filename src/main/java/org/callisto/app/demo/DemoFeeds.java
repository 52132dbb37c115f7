package org.callisto.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the demo blogs as feeds in four formats (RSS 2.0, Atom 1.0, RSS 1.0, JSON Feed 1.1), with dates relative
 * to a given instant so the demo planet always looks fresh. The demo serves them over loopback and the planet
 * fetches them through its real pipeline. Immutable and thread-safe.
 */
public final class DemoFeeds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Instant now;
    private final String baseUrl;

    /**
     * @param now     the time the posts' ages count back from
     * @param baseUrl where the demo serves the feeds, ending in a slash, e.g. {@code http://127.0.0.1:8080/demo-feeds/}
     */
    public DemoFeeds(Instant now, String baseUrl) {
        this.now = now.truncatedTo(ChronoUnit.MINUTES);
        this.baseUrl = baseUrl;
    }

    /** The feeds to subscribe to: URL, name and categories. */
    public List<Subscription> subscriptions() {
        return DemoContent.BLOGS.stream()
                .map(b -> new Subscription(baseUrl + b.path(), b.author(), b.categories()))
                .toList();
    }

    /** A subscription the demo adds. */
    public record Subscription(String url, String name, List<String> categories) {}

    /** The feed document at {@code path} and its content type, or empty when there is none. */
    public Optional<Map.Entry<String, String>> render(String path) {
        return DemoContent.BLOGS.stream()
                .filter(b -> b.path().equals(path))
                .findFirst()
                .map(b -> switch (b.format()) {
                    case "atom" -> Map.entry("application/atom+xml; charset=utf-8", atom(b));
                    case "rss1" -> Map.entry("application/rdf+xml; charset=utf-8", rss1(b));
                    case "json" -> Map.entry("application/feed+json; charset=utf-8", json(b));
                    default -> Map.entry("application/rss+xml; charset=utf-8", rss2(b));
                });
    }

    private String site(DemoBlog b) {
        return "https://" + b.path().replaceAll("\\..*$", "") + ".example.org/";
    }

    private Instant at(DemoPost p) {
        return now.minus(p.hoursAgo(), ChronoUnit.HOURS);
    }

    private String rss2(DemoBlog b) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        s.append("<title>")
                .append(x(b.name()))
                .append("</title>\n<link>")
                .append(site(b))
                .append("</link>\n");
        s.append("<description>").append(x(b.name() + " by " + b.author())).append("</description>\n<ttl>60</ttl>\n");
        for (DemoPost p : b.posts()) {
            s.append("<item>\n<title>")
                    .append(x(p.title()))
                    .append("</title>\n<link>")
                    .append(site(b))
                    .append(p.slug())
                    .append(".html</link>\n<guid>")
                    .append(site(b))
                    .append(p.slug())
                    .append("</guid>\n<dc:creator>")
                    .append(x(b.author()))
                    .append("</dc:creator>\n<category>")
                    .append(x(p.category()))
                    .append("</category>\n<pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at(p).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>\n<description>")
                    .append(x(p.html()))
                    .append("</description>\n</item>\n");
        }
        return s.append("</channel>\n</rss>\n").toString();
    }

    private String atom(DemoBlog b) {
        StringBuilder s = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        s.append("<title>")
                .append(x(b.name()))
                .append("</title>\n<link href=\"")
                .append(site(b))
                .append("\"/>\n");
        s.append("<id>").append(site(b)).append("</id>\n<updated>").append(now).append("</updated>\n");
        s.append("<author><name>").append(x(b.author())).append("</name></author>\n");
        for (DemoPost p : b.posts()) {
            s.append("<entry>\n<title>")
                    .append(x(p.title()))
                    .append("</title>\n<link href=\"")
                    .append(site(b))
                    .append(p.slug())
                    .append(".html\"/>\n<id>")
                    .append(site(b))
                    .append(p.slug())
                    .append("</id>\n")
                    .append("<updated>")
                    .append(at(p))
                    .append("</updated>\n<published>")
                    .append(at(p))
                    .append("</published>\n<category term=\"")
                    .append(x(p.category()))
                    .append("\"/>\n")
                    .append("<content type=\"html\">")
                    .append(x(p.html()))
                    .append("</content>\n</entry>\n");
        }
        return s.append("</feed>\n").toString();
    }

    private String rss1(DemoBlog b) {
        StringBuilder s = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n");
        s.append("<channel rdf:about=\"")
                .append(site(b))
                .append("\">\n<title>")
                .append(x(b.name()))
                .append("</title>\n<link>")
                .append(site(b))
                .append("</link>\n<description>")
                .append(x(b.name()))
                .append("</description>\n</channel>\n");
        for (DemoPost p : b.posts()) {
            String link = site(b) + p.slug() + ".html";
            s.append("<item rdf:about=\"")
                    .append(link)
                    .append("\">\n<title>")
                    .append(x(p.title()))
                    .append("</title>\n<link>")
                    .append(link)
                    .append("</link>\n<dc:creator>")
                    .append(x(b.author()))
                    .append("</dc:creator>\n<dc:subject>")
                    .append(x(p.category()))
                    .append("</dc:subject>\n<dc:date>")
                    .append(at(p))
                    .append("</dc:date>\n<content:encoded><![CDATA[")
                    .append(p.html())
                    .append("]]></content:encoded>\n</item>\n");
        }
        return s.append("</rdf:RDF>\n").toString();
    }

    private String json(DemoBlog b) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", b.name());
        feed.put("home_page_url", site(b));
        feed.put("feed_url", baseUrl + b.path());
        feed.putArray("authors").addObject().put("name", b.author());
        ArrayNode items = feed.putArray("items");
        for (DemoPost p : b.posts()) {
            ObjectNode item = items.addObject();
            item.put("id", site(b) + p.slug());
            item.put("url", site(b) + p.slug() + ".html");
            item.put("title", p.title());
            item.put("content_html", p.html());
            item.put("date_published", at(p).toString());
            item.putArray("tags").add(p.category());
        }
        return feed.toPrettyString();
    }

    private static String x(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
