package org.callisto.web;

import io.javalin.http.Context;
import java.util.List;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryList;
import org.callisto.planet.Feed;
import org.callisto.web.view.FeedPage;
import org.callisto.web.view.PageMeta;
import org.callisto.web.view.Pager;

/** The page of one feed, that is one author or project: {@code /feeds/{id}}. Thread-safe. */
final class FeedPages {
    private final Site site;

    FeedPages(Site site) {
        this.site = site;
    }

    Rendered feed(Context ctx) {
        Feed feed = feed(ctx.pathParam("id"));
        String path = "/feeds/" + feed.id();
        EntryWindow window = EntryWindow.of(ctx, site.entries(), EntryList.feed(feed.id()), path, feed.displayName());
        List<Entry> entries = window.entries();
        Pager pager = window.pager();
        PageMeta meta = site.meta(
                        ctx,
                        window.label() == null ? feed.displayName() : feed.displayName() + " (" + window.label() + ")",
                        path + "/atom.xml",
                        path + "/rss.xml",
                        site.title() + " – " + feed.displayName())
                .withPager(pager);
        return site.render(
                "feed.jte",
                new FeedPage(
                        meta,
                        feed,
                        Format.webUrl(feed.siteUrl()),
                        Format.webUrl(feed.url()),
                        site.days(entries),
                        pager,
                        site.avatar(feed.id(), feed.displayName())));
    }

    /** The feed of an id in a path, or a 404 naming it. */
    Feed feed(String id) {
        long feedId = id.matches("[0-9]{1,18}") ? Long.parseLong(id) : -1;
        return site.subscriptions()
                .feed(feedId)
                .orElseThrow(() -> PageException.notFound("There is no feed " + Paging.shorten(id)
                        + ". Every feed is listed on the subscriptions page."));
    }
}
