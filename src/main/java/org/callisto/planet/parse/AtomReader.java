package org.callisto.planet.parse;

import static org.callisto.planet.parse.XmlContent.firstText;
import static org.callisto.planet.parse.XmlContent.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Maps an Atom 1.0 or 0.3 element tree to the feed model, including xml:base resolution of links, Atom 0.3's
 * {@code mode} attribute and Media RSS thumbnails. Stateless and thread-safe.
 */
final class AtomReader {
    private AtomReader() {}

    static String format(LenientXmlParser.Result doc) {
        String version = doc.root().attr("version");
        return doc.atom03() || "0.3".equals(version) ? "atom0.3" : "atom1.0";
    }

    static ParsedFeed read(
            LenientXmlParser.Result doc,
            String format,
            String encoding,
            boolean illFormed,
            List<ParseProblem> problems) {
        XmlElement feed = doc.root();
        char[] src = doc.source();
        String a = feed.ns;
        String title = XmlContent.atomPlain(feed.child(a, "title"), src);
        String link = null;
        String feedUrl = null;
        List<String> hubs = new ArrayList<>(1);
        for (XmlElement l : feed.children(a, "link")) {
            String rel = l.attr("rel");
            String href = l.attr("href");
            if (href == null) {
                continue;
            }
            if ((rel == null || rel.equals("alternate")) && link == null) {
                link = Urls.resolve(l.base, href);
            } else if ("self".equals(rel) && feedUrl == null) {
                feedUrl = Urls.resolve(l.base, href);
            } else if ("hub".equals(rel)) {
                hubs.add(Urls.resolve(l.base, href));
            }
        }
        String description =
                XmlContent.atomHtml(firstPresent(feed.child(a, "subtitle"), feed.child(a, "tagline")), src);
        String language = feed.lang;
        if (language == null) {
            language = text(feed.child("dc", "language"));
        }
        XmlElement logo = firstPresent(feed.child(a, "logo"), feed.child(a, "icon"));
        String imageUrl =
                logo == null || text(logo) == null ? RssReader.mediaImage(feed) : Urls.resolve(logo.base, text(logo));
        List<Person> authors = people(feed, a);
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        for (XmlElement c : feed.children(a, "category")) {
            XmlContent.addCategory(
                    categories,
                    c.attr("label") != null && !c.attr("label").isBlank() ? c.attr("label") : c.attr("term"));
        }
        Instant updated = RssReader.firstDate(feed.child(a, "updated"), feed.child(a, "modified"));
        XmlElement gen = feed.child(a, "generator");
        String generator = generator(gen);
        String copyright = XmlContent.atomPlain(firstPresent(feed.child(a, "rights"), feed.child(a, "copyright")), src);
        List<ParsedEntry> entries = new ArrayList<>();
        for (XmlElement e : feed.children(a, "entry")) {
            entries.add(entry(e, a, src));
        }
        return new ParsedFeed(
                format,
                encoding,
                illFormed,
                List.copyOf(problems),
                title,
                link,
                feedUrl,
                description,
                language,
                imageUrl,
                authors,
                XmlContent.list(categories),
                updated,
                null,
                generator,
                copyright,
                List.copyOf(entries),
                null,
                hubs);
    }

    private static ParsedEntry entry(XmlElement e, String a, char[] src) {
        String id = text(e.child(a, "id"));
        String title = XmlContent.atomPlain(e.child(a, "title"), src);
        String link = null;
        String commentsUrl = null;
        String commentsFeedUrl = null;
        Integer commentCount = null;
        Map<String, Enclosure> enclosures = new LinkedHashMap<>();
        for (XmlElement l : e.children(a, "link")) {
            String rel = l.attr("rel");
            String href = l.attr("href");
            if (href == null || href.isBlank()) {
                continue;
            }
            String url = Urls.resolve(l.base, href);
            if ((rel == null || rel.equals("alternate")) && link == null) {
                link = url;
            } else if ("enclosure".equals(rel)) {
                enclosures.putIfAbsent(
                        url,
                        new Enclosure(
                                url, XmlContent.blankToNull(l.attr("type")), XmlContent.parseLength(l.attr("length"))));
            } else if ("replies".equals(rel)) {
                // RFC 4685: a replies link to a feed of the comments, or to a page of them; thr:count on either
                String type = l.attr("type");
                Integer count = XmlContent.count(l.attrLocal("count"));
                if (type != null && type.contains("xml")) {
                    if (commentsFeedUrl == null) {
                        commentsFeedUrl = url;
                        commentCount = commentCount == null ? count : commentCount;
                    }
                } else if (commentsUrl == null) {
                    commentsUrl = url;
                    commentCount = count != null ? count : commentCount;
                }
            }
        }
        if (link == null) {
            for (XmlElement l : e.children(a, "link")) {
                if (l.attr("href") != null && !"self".equals(l.attr("rel")) && !"enclosure".equals(l.attr("rel"))) {
                    link = Urls.resolve(l.base, l.attr("href"));
                    break;
                }
            }
        }
        String summary = XmlContent.atomHtml(e.child(a, "summary"), src);
        XmlElement contentEl = e.child(a, "content");
        String content = XmlContent.atomHtml(contentEl, src);
        if (contentEl != null && content == null && contentEl.attr("src") != null && link == null) {
            link = Urls.resolve(contentEl.base, contentEl.attr("src"));
        }
        if (content == null) {
            content = XmlContent.html(e.child("content", "encoded"), src);
        }
        List<Person> authors = people(e, a);
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        for (XmlElement c : e.children(a, "category")) {
            XmlContent.addCategory(
                    categories,
                    c.attr("label") != null && !c.attr("label").isBlank() ? c.attr("label") : c.attr("term"));
        }
        for (XmlElement c : e.children("dc", "subject")) {
            XmlContent.addCategory(categories, text(c));
        }
        Instant published = RssReader.firstDate(
                e.child(a, "published"), e.child(a, "issued"), e.child(a, "created"), e.child("dc", "date"));
        Instant updated = RssReader.firstDate(e.child(a, "updated"), e.child(a, "modified"));
        String imageUrl = RssReader.mediaImage(e);
        if (imageUrl == null) {
            String fromHtml = FeedText.firstImageSrc(content != null ? content : summary);
            imageUrl = Urls.resolve(contentEl != null ? contentEl.base : e.base, fromHtml);
        }
        String base = contentEl != null && contentEl.base != null ? contentEl.base : e.base;
        return new ParsedEntry(
                id,
                link,
                title,
                summary,
                content,
                base,
                authors,
                XmlContent.list(categories),
                published,
                updated,
                List.copyOf(enclosures.values()),
                imageUrl,
                commentsUrl,
                XmlContent.titleHtml(e.child(a, "title"), src, true),
                source(e.child(a, "source"), a, src),
                commentsFeedUrl,
                commentCount != null ? commentCount : XmlContent.count(text(e.child("thr", "total"))),
                Urls.resolve(e.base, text(e.child(RssReader.FEEDBURNER, "origLink"))));
    }

    /** An Atom {@code source} element: the feed an entry was copied from; null when absent or empty. */
    static EntrySource source(XmlElement s, String a, char[] src) {
        if (s == null) {
            return null;
        }
        String link = null;
        String self = null;
        for (XmlElement l : s.children(a, "link")) {
            String rel = l.attr("rel");
            String href = l.attr("href");
            if (href == null || href.isBlank()) {
                continue;
            }
            if ((rel == null || rel.equals("alternate")) && link == null) {
                link = Urls.resolve(l.base, href.strip());
            } else if ("self".equals(rel) && self == null) {
                self = Urls.resolve(l.base, href.strip());
            }
        }
        return EntrySource.of(XmlContent.atomPlain(s.child(a, "title"), src), link, self, text(s.child(a, "id")));
    }

    /** Generator name, version and URI in one string, e.g. {@code Feed Generator v1.2 http://example.org}. */
    private static String generator(XmlElement gen) {
        if (gen == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        String name = text(gen);
        if (name != null) {
            sb.append(name);
        }
        String version = XmlContent.blankToNull(gen.attr("version"));
        if (version != null) {
            sb.append(sb.isEmpty() ? "" : " ").append('v').append(version);
        }
        String uri = XmlContent.blankToNull(gen.attr("uri") != null ? gen.attr("uri") : gen.attr("url"));
        if (uri != null) {
            sb.append(sb.isEmpty() ? "" : " ").append(uri);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static List<Person> people(XmlElement parent, String a) {
        List<Person> out = new ArrayList<>(1);
        for (XmlElement author : parent.children(a, "author")) {
            Person p = XmlContent.atomPerson(author, a);
            if (p != null) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            String creator = firstText(parent.child("dc", "creator"));
            Person p = XmlContent.person(creator);
            if (p != null) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static XmlElement firstPresent(XmlElement... candidates) {
        for (XmlElement el : candidates) {
            if (el != null) {
                return el;
            }
        }
        return null;
    }
}
