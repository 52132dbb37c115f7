package org.callisto.web;

import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.callisto.planet.Category;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryExcerpt;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionExport;
import org.callisto.syndication.AtomWriter;
import org.callisto.syndication.FeedInfo;
import org.callisto.syndication.Item;
import org.callisto.syndication.OpmlWriter;
import org.callisto.syndication.RssWriter;

/**
 * The planet's output feeds, Atom and RSS: the whole planet ({@code /atom.xml}, {@code /rss.xml}), one category
 * ({@code /category/{slug}/atom.xml}) and one feed ({@code /feeds/{id}/atom.xml}), each with its latest entries.
 * Thread-safe.
 */
final class FeedOutputs {
    static final int LATEST = 50;

    private final Site site;
    private final RiverPages river;
    private final FeedPages feeds;
    private final AtomWriter atom = new AtomWriter();
    private final RssWriter rss = new RssWriter();

    FeedOutputs(Site site, RiverPages river, FeedPages feeds) {
        this.site = site;
        this.river = river;
        this.feeds = feeds;
    }

    Rendered opml(Context ctx) {
        StringWriter out = new StringWriter();
        try {
            new OpmlWriter()
                    .write(
                            site.config().siteTitle(),
                            SubscriptionExport.of(site.subscriptions().feeds()),
                            ZonedDateTime.ofInstant(site.now(), ZoneOffset.UTC),
                            out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OPML of the subscriptions", e);
        }
        return new Rendered("text/x-opml; charset=utf-8", out.toString());
    }

    Rendered planetAtom(Context ctx) {
        return atom(planetInfo("/atom.xml"), site.entries().river(0, LATEST));
    }

    Rendered planetRss(Context ctx) {
        return rss(planetInfo("/rss.xml"), site.entries().river(0, LATEST));
    }

    Rendered categoryAtom(Context ctx) {
        Category c = river.category(ctx.pathParam("slug"));
        return atom(categoryInfo(c, "/atom.xml"), site.entries().categoryEntries(c.id(), 0, LATEST));
    }

    Rendered categoryRss(Context ctx) {
        Category c = river.category(ctx.pathParam("slug"));
        return rss(categoryInfo(c, "/rss.xml"), site.entries().categoryEntries(c.id(), 0, LATEST));
    }

    Rendered feedAtom(Context ctx) {
        Feed f = feeds.feed(ctx.pathParam("id"));
        return atom(feedInfo(f, "/atom.xml"), site.entries().feedEntries(f.id(), 0, LATEST));
    }

    Rendered feedRss(Context ctx) {
        Feed f = feeds.feed(ctx.pathParam("id"));
        return rss(feedInfo(f, "/rss.xml"), site.entries().feedEntries(f.id(), 0, LATEST));
    }

    private FeedInfo planetInfo(String self) {
        return new FeedInfo(
                site.absolute("/"),
                site.title(),
                "The latest entries aggregated by " + site.title(),
                site.absolute("/"),
                site.absolute(self),
                updated());
    }

    private FeedInfo categoryInfo(Category c, String self) {
        String page = "/category/" + c.slug();
        return new FeedInfo(
                site.absolute(page),
                site.title() + " – " + c.name(),
                "The latest " + c.name() + " entries aggregated by " + site.title(),
                site.absolute(page),
                site.absolute(page + self),
                updated());
    }

    private FeedInfo feedInfo(Feed f, String self) {
        String page = "/feeds/" + f.id();
        return new FeedInfo(
                site.absolute(page),
                site.title() + " – " + f.displayName(),
                "The entries of " + f.displayName() + " aggregated by " + site.title(),
                site.absolute(page),
                site.absolute(page + self),
                updated());
    }

    private Instant updated() {
        return site.changeTime().lastChange();
    }

    private Rendered atom(FeedInfo info, List<Entry> entries) {
        return new Rendered(Rendered.ATOM, atom.write(info, items(entries)));
    }

    private Rendered rss(FeedInfo info, List<Entry> entries) {
        return new Rendered(Rendered.RSS, rss.write(info, items(entries)));
    }

    private List<Item> items(List<Entry> entries) {
        Map<Long, List<Category>> categories = site.categories()
                .entryCategories(entries.stream().map(Entry::id).toList());
        return entries.stream()
                .map(e -> item(e, categories.getOrDefault(e.id(), List.of())))
                .toList();
    }

    /**
     * One entry as an output feed item. Its {@code source} is the feed it was copied from when it credits one ("via"),
     * else the feed Callisto aggregated it from; titles go out as text, never as their markup.
     */
    private Item item(Entry e, List<Category> categories) {
        String link = Format.webUrl(e.link());
        EntryDetails d = e.details();
        boolean via = d.hasVia();
        String id = link != null ? link : tag(e);
        return new Item(
                id,
                link != null,
                e.title(),
                link != null ? link : site.absolute("/entries/" + e.id()),
                e.author(),
                excerpt(
                        e,
                        e.summaryHtml(),
                        e.contentHtml() == null || e.contentHtml().isBlank()
                                ? EntryExcerpt.MAX_BYTES // the summary is the body
                                : EntryExcerpt.MAX_SUMMARY_BYTES),
                excerpt(e, e.contentHtml(), EntryExcerpt.MAX_BYTES),
                categories.stream().map(Category::name).toList(),
                e.publishedAt(),
                e.updatedAt(),
                via ? d.viaTitle() : e.feedName(),
                via ? Format.webUrl(d.viaLink()) : Format.webUrl(e.feedSiteUrl()),
                Format.webUrl(e.enclosureUrl()),
                e.enclosureType(),
                e.enclosureLength(),
                via ? Format.webUrl(d.viaFeedUrl()) : Format.webUrl(e.feedUrl()),
                via ? d.viaId() : null,
                Format.webUrl(d.authorUri()),
                Format.webUrl(d.commentsUrl()),
                Format.webUrl(d.commentsFeedUrl()),
                d.commentCount());
    }

    /**
     * What an output feed carries of one of an entry's HTML fields: an {@link EntryExcerpt}, followed by a link to
     * the entry's page when it is cut, so that no output feed grows with what one feed put in one entry.
     */
    private String excerpt(Entry e, String html, int maxBytes) {
        if (html == null) {
            return null;
        }
        EntryExcerpt excerpt = EntryExcerpt.of(html, e.link(), maxBytes);
        if (!excerpt.cut()) {
            return excerpt.html();
        }
        return excerpt.html() + "<p><a href=\"" + site.absolute("/entries/" + e.id()) + "\">Continue reading</a></p>";
    }

    /** A {@code tag:} URI (RFC 4151) for an entry without a permalink: stable for as long as the entry is stored. */
    private String tag(Entry e) {
        String host = site.config().siteUrl().getHost();
        return "tag:" + (host == null ? "localhost" : host) + ",2026:planet/entry/" + e.id();
    }
}
