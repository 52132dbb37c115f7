package org.callisto.planet.parse;

import static org.callisto.planet.parse.XmlContent.firstText;
import static org.callisto.planet.parse.XmlContent.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an RSS 0.90-0.94, 2.0 or 1.0 (RDF) element tree to the feed model, with the Dublin Core, content, Media RSS,
 * iTunes and embedded Atom elements publishers use as additions or substitutes. Stateless and thread-safe.
 */
final class RssReader {
    /** The Slash namespace (comment counts), not among the parser's short keys. */
    private static final String SLASH = "http://purl.org/rss/1.0/modules/slash/";
    /** FeedBurner's namespace: its {@code origLink} is the post's own address behind a feedproxy link. */
    static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";

    private RssReader() {}

    /** The format name for an RSS or RDF root element. */
    static String format(XmlElement root) {
        if (root.local.equals("RDF")) {
            String xmlns = root.attr("xmlns");
            boolean netscape = xmlns != null && xmlns.contains("netscape.com/rdf/simple/0.9");
            return netscape ? "rss0.90" : "rss1.0";
        }
        String v = root.attr("version");
        if (v == null || v.isBlank()) {
            return "rss";
        }
        v = v.strip();
        return switch (v) {
            case "2.0", "2", "2.00", "2.0.1", "2.01" -> "rss2.0";
            default -> "rss" + v.toLowerCase(Locale.ROOT);
        };
    }

    static ParsedFeed read(
            LenientXmlParser.Result doc,
            String format,
            String encoding,
            boolean illFormed,
            List<ParseProblem> problems,
            String baseUrl) {
        XmlElement root = doc.root();
        char[] src = doc.source();
        XmlElement channel = root.local.equals("channel") ? root : root.child("", "channel");
        if (channel == null) {
            channel = root;
        }
        String base = channel.base;
        String title = firstText(channel.child("", "title"), channel.child("dc", "title"));
        if (title != null
                && channel.child("", "title") != null
                && channel.child("", "title").hasChildren()) {
            title = XmlContent.plain(channel.child("", "title"), src);
        }
        String link = firstLinkText(channel);
        String feedUrl = null;
        List<String> hubs = new ArrayList<>(1);
        for (XmlElement al : channel.children("atom", "link")) {
            String rel = al.attr("rel");
            String href = al.attr("href");
            if (href == null || href.isBlank()) {
                continue;
            }
            if ("self".equals(rel) && feedUrl == null) {
                feedUrl = Urls.resolve(al.base, href);
            } else if ("hub".equals(rel)) {
                hubs.add(Urls.resolve(al.base, href));
            } else if ((rel == null || "alternate".equals(rel)) && link == null) {
                link = href;
            }
        }
        link = Urls.resolve(base, link);
        String description = XmlContent.html(
                firstNonBlank(
                        channel.child("", "description"),
                        channel.child("dc", "description"),
                        channel.child("itunes", "summary")),
                src);
        String language = firstText(channel.child("", "language"), channel.child("dc", "language"));
        if (language == null) {
            language = channel.lang;
        }
        String imageUrl = feedImage(root, channel, description);
        List<Person> authors = new ArrayList<>(1);
        Person author = XmlContent.person(firstText(
                channel.child("", "managingEditor"),
                channel.child("", "webMaster"),
                channel.child("dc", "author"),
                channel.child("dc", "creator"),
                channel.child("itunes", "author")));
        if (author != null) {
            authors.add(author);
        } else {
            addAtomAuthors(authors, channel);
        }
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        for (XmlElement c : channel.children("", "category")) {
            XmlContent.addCategory(categories, text(c));
        }
        XmlContent.addKeywords(categories, text(channel.child("itunes", "keywords")));
        XmlContent.addItunesCategories(categories, channel);
        for (XmlElement c : channel.children("dc", "subject")) {
            XmlContent.addCategory(categories, text(c));
        }
        Instant updated = firstDate(
                channel.child("", "lastBuildDate"),
                channel.child("dc", "date"),
                channel.child("", "pubDate"),
                channel.child("atom", "updated"),
                channel.child("dcterms", "modified"));
        Integer ttl = null;
        String ttlText = text(channel.child("", "ttl"));
        if (ttlText != null) {
            try {
                ttl = Integer.valueOf(ttlText);
            } catch (NumberFormatException e) {
                problems.add(new ParseProblem(0, 0, "ttl \"" + ttlText + "\" is not a number of minutes"));
            }
        }
        String generator = text(channel.child("", "generator"));
        if (generator == null) {
            XmlElement agent = channel.child("http://webns.net/mvcb/", "generatorAgent");
            generator = agent == null ? null : agent.attrLocal("resource");
        }
        String copyright = firstText(channel.child("", "copyright"), channel.child("dc", "rights"));

        List<ParsedEntry> entries = new ArrayList<>();
        for (XmlElement item : channel.children("", "item")) {
            entries.add(entry(item, src));
        }
        if (channel != root) {
            for (XmlElement item : root.children("", "item")) {
                entries.add(entry(item, src));
            }
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
                List.copyOf(authors),
                XmlContent.list(categories),
                updated,
                ttl,
                generator,
                copyright,
                List.copyOf(entries),
                null,
                hubs);
    }

    private static String feedImage(XmlElement root, XmlElement channel, String description) {
        XmlElement image = channel.child("", "image");
        if (image == null) {
            image = root.child("", "image");
        }
        if (image != null) {
            String url = text(image.child("", "url"));
            if (url == null) {
                url = image.attrLocal("resource");
            }
            if (url != null) {
                return Urls.resolve(image.base, url);
            }
        }
        XmlElement itunes = channel.child("itunes", "image");
        if (itunes != null && itunes.attr("href") != null) {
            return Urls.resolve(itunes.base, itunes.attr("href"));
        }
        String media = mediaImage(channel);
        if (media != null) {
            return media;
        }
        return Urls.resolve(channel.base, FeedText.firstImageSrc(description));
    }

    private static ParsedEntry entry(XmlElement item, char[] src) {
        String base = item.base;
        XmlElement guidEl = item.child("", "guid");
        String guid = text(guidEl);
        String id = guid;
        if (id == null) {
            id = firstText(item.child("atom", "id"), item.child("dc", "identifier"));
        }
        XmlElement titleEl = firstNonBlank(item.child("", "title"), item.child("dc", "title"));
        String title = titleEl == null ? null : titleEl.hasChildren() ? XmlContent.plain(titleEl, src) : text(titleEl);
        String link = firstLinkText(item);
        String commentsUrl = text(item.child("", "comments"));
        for (XmlElement al : item.children("atom", "link")) {
            String rel = al.attr("rel");
            if (link == null && (rel == null || "alternate".equals(rel)) && al.attr("href") != null) {
                link = al.attr("href");
            } else if (commentsUrl == null && "replies".equals(rel) && al.attr("href") != null) {
                commentsUrl = al.attr("href");
            }
        }
        if (link == null
                && guid != null
                && !"false".equalsIgnoreCase(String.valueOf(guidEl.attr("isPermaLink")))
                && (guid.startsWith("http://") || guid.startsWith("https://"))) {
            link = guid;
        }
        String summary = XmlContent.html(
                firstNonBlank(
                        item.child("", "description"),
                        item.child("dc", "description"),
                        item.child("itunes", "summary"),
                        item.child("itunes", "subtitle")),
                src);
        if (summary == null) {
            XmlElement atomSummary = item.child("atom", "summary");
            summary = XmlContent.atomHtml(atomSummary, src);
        }
        String content = XmlContent.html(item.child("content", "encoded"), src);
        if (content == null) {
            content = XmlContent.atomHtml(item.child("atom", "content"), src);
        }
        if (content == null) {
            // an XHTML <body> or a <fullitem> carries the whole entry in some RSS 0.9x and 2.0 feeds
            XmlElement body = item.child("xhtml", "body");
            content = body != null
                    ? XmlContent.rawInner(body, src).strip()
                    : XmlContent.html(item.child("", "fullitem"), src);
            if (content != null && content.isEmpty()) {
                content = null;
            }
        }
        List<Person> authors = new ArrayList<>(1);
        for (XmlElement a : item.children("", "author")) {
            addPerson(authors, XmlContent.person(text(a)));
        }
        if (authors.isEmpty()) {
            for (XmlElement a : item.children("dc", "creator")) {
                addPerson(authors, XmlContent.person(text(a)));
            }
        }
        if (authors.isEmpty()) {
            addPerson(
                    authors, XmlContent.person(firstText(item.child("dc", "author"), item.child("itunes", "author"))));
        }
        if (authors.isEmpty()) {
            addAtomAuthors(authors, item);
        }
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        for (XmlElement c : item.children("", "category")) {
            XmlContent.addCategory(categories, text(c));
        }
        XmlContent.addKeywords(categories, text(item.child("itunes", "keywords")));
        for (XmlElement c : item.children("dc", "subject")) {
            XmlContent.addCategory(categories, text(c));
        }
        for (XmlElement c : item.children("atom", "category")) {
            XmlContent.addCategory(categories, c.attr("term") != null ? c.attr("term") : c.attr("label"));
        }
        // dc:date stands in for both dates: read once
        Instant dcDate = firstDate(item.child("dc", "date"));
        Instant published = firstDate(item.child("", "pubDate"));
        if (published == null) {
            published = dcDate != null
                    ? dcDate
                    : firstDate(
                            item.child("atom", "published"),
                            item.child("dcterms", "issued"),
                            item.child("dcterms", "created"));
        }
        Instant updated = firstDate(item.child("atom", "updated"));
        if (updated == null) {
            updated = dcDate != null ? dcDate : firstDate(item.child("dcterms", "modified"));
        }

        Map<String, Enclosure> enclosures = new LinkedHashMap<>();
        for (XmlElement e : item.children("", "enclosure")) {
            String url = e.attr("url");
            if (url != null && !url.isBlank()) {
                String u = Urls.resolve(e.base, url);
                enclosures.putIfAbsent(
                        u,
                        new Enclosure(
                                u, XmlContent.blankToNull(e.attr("type")), XmlContent.parseLength(e.attr("length"))));
            }
        }
        for (XmlElement al : item.children("atom", "link")) {
            if ("enclosure".equals(al.attr("rel")) && al.attr("href") != null) {
                String u = Urls.resolve(al.base, al.attr("href"));
                enclosures.putIfAbsent(
                        u,
                        new Enclosure(
                                u, XmlContent.blankToNull(al.attr("type")), XmlContent.parseLength(al.attr("length"))));
            }
        }
        addMediaEnclosures(enclosures, item);
        for (XmlElement group : item.children("media", "group")) {
            addMediaEnclosures(enclosures, group);
        }
        String imageUrl = mediaImage(item);
        if (imageUrl == null) {
            XmlElement itunes = item.child("itunes", "image");
            if (itunes != null && itunes.attr("href") != null) {
                imageUrl = Urls.resolve(itunes.base, itunes.attr("href"));
            }
        }
        if (imageUrl == null) {
            for (Enclosure e : enclosures.values()) {
                if (e.type() != null && e.type().toLowerCase(Locale.ROOT).startsWith("image/")) {
                    imageUrl = e.url();
                    break;
                }
            }
        }
        if (imageUrl == null) {
            String fromHtml = FeedText.firstImageSrc(summary);
            if (fromHtml == null) {
                fromHtml = FeedText.firstImageSrc(content);
            }
            imageUrl = Urls.resolve(base, fromHtml);
        }
        String commentsFeedUrl = text(item.child("wfw", "commentRss"));
        if (commentsFeedUrl == null) {
            commentsFeedUrl = text(item.child("wfw", "commentRSS"));
        }
        Integer commentCount = XmlContent.count(firstText(item.child(SLASH, "comments"), item.child("thr", "total")));
        return new ParsedEntry(
                id,
                Urls.resolve(base, link),
                title,
                summary,
                content,
                base,
                List.copyOf(authors),
                XmlContent.list(categories),
                published,
                updated,
                List.copyOf(enclosures.values()),
                imageUrl,
                Urls.resolve(base, commentsUrl),
                titleEl == null ? null : XmlContent.titleHtml(titleEl, src, false),
                source(item, src),
                Urls.resolve(base, commentsFeedUrl),
                commentCount,
                Urls.resolve(base, text(item.child(FEEDBURNER, "origLink"))));
    }

    /** An RSS {@code <source url="...">Title</source>}, or an embedded Atom {@code source}; null if none. */
    private static EntrySource source(XmlElement item, char[] src) {
        XmlElement s = item.child("", "source");
        if (s != null) {
            String url = s.attr("url");
            return EntrySource.of(
                    text(s), null, url == null || url.isBlank() ? null : Urls.resolve(s.base, url.strip()), null);
        }
        XmlElement atom = item.child("atom", "source");
        return atom == null ? null : AtomReader.source(atom, "atom", src);
    }

    /** media:thumbnail, or a media:content that is an image, directly or in a media:group; null if none. */
    static String mediaImage(XmlElement parent) {
        XmlElement thumb = parent.child("media", "thumbnail");
        if (thumb != null && thumb.attr("url") != null) {
            return Urls.resolve(thumb.base, thumb.attr("url"));
        }
        for (XmlElement mc : parent.children("media", "content")) {
            if (isImage(mc) && mc.attr("url") != null) {
                return Urls.resolve(mc.base, mc.attr("url"));
            }
            XmlElement inner = mc.child("media", "thumbnail");
            if (inner != null && inner.attr("url") != null) {
                return Urls.resolve(inner.base, inner.attr("url"));
            }
        }
        for (XmlElement group : parent.children("media", "group")) {
            String url = mediaImage(group);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    private static boolean isImage(XmlElement mc) {
        String medium = mc.attr("medium");
        String type = mc.attr("type");
        return "image".equalsIgnoreCase(medium)
                || type != null && type.toLowerCase(Locale.ROOT).startsWith("image/");
    }

    private static void addMediaEnclosures(Map<String, Enclosure> into, XmlElement parent) {
        for (XmlElement mc : parent.children("media", "content")) {
            String url = mc.attr("url");
            if (url != null && !url.isBlank() && !isImage(mc)) {
                String u = Urls.resolve(mc.base, url);
                into.putIfAbsent(
                        u,
                        new Enclosure(
                                u,
                                XmlContent.blankToNull(mc.attr("type")),
                                XmlContent.parseLength(mc.attr("fileSize"))));
            }
        }
    }

    private static void addAtomAuthors(List<Person> into, XmlElement parent) {
        for (XmlElement a : parent.children("atom", "author")) {
            addPerson(into, XmlContent.atomPerson(a, "atom"));
        }
    }

    private static void addPerson(List<Person> into, Person p) {
        if (p != null) {
            into.add(p);
        }
    }

    /** The trimmed text of the first {@code <link>} child whose text is not blank, or null. */
    private static String firstLinkText(XmlElement parent) {
        for (XmlElement l : parent.children()) {
            if (l.is("", "link")) {
                String t = text(l);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static XmlElement firstNonBlank(XmlElement... candidates) {
        for (XmlElement el : candidates) {
            if (el != null && (el.hasChildren() || !el.textIsBlank())) {
                return el;
            }
        }
        return null;
    }

    static Instant firstDate(XmlElement... candidates) {
        for (XmlElement el : candidates) {
            Instant i = FeedDates.parse(text(el));
            if (i != null) {
                return i;
            }
        }
        return null;
    }
}
