package org.callisto.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callisto.config.Config;
import org.callisto.planet.Category;
import org.callisto.planet.CategoryStore;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryExcerpt;
import org.callisto.planet.EntryStore;
import org.callisto.planet.PlanetChangeTime;
import org.callisto.planet.PlanetStatistics;
import org.callisto.planet.PostCopy;
import org.callisto.planet.SubscriptionStore;
import org.callisto.web.view.DayGroup;
import org.callisto.web.view.EntryView;
import org.callisto.web.view.PageMeta;

/**
 * What every page handler shares: the configuration, the planet's stores, the clock, the precompiled templates, and the making
 * of layout facts and entry views. Thread-safe.
 */
final class Site {
    private final Config config;
    private final SubscriptionStore subscriptions;
    private final CategoryStore categories;
    private final EntryStore entries;
    private final PlanetStatistics statistics;
    private final PlanetChangeTime changeTime;
    private final Clock clock;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The size of each template's last rendering, so the next one starts in an array of about its size. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> lastSizes =
            new java.util.concurrent.ConcurrentHashMap<>();

    Site(
            Config config,
            SubscriptionStore subscriptions,
            CategoryStore categories,
            EntryStore entries,
            PlanetStatistics statistics,
            PlanetChangeTime changeTime,
            Clock clock) {
        this.config = config;
        this.subscriptions = subscriptions;
        this.categories = categories;
        this.entries = entries;
        this.statistics = statistics;
        this.changeTime = changeTime;
        this.clock = clock;
    }

    /** The process's one clock: every "now" a page compares or shows comes from it. */
    Clock clock() {
        return clock;
    }

    /** The current time on {@link #clock()}. */
    Instant now() {
        return clock.instant();
    }

    Config config() {
        return config;
    }

    /** The planet's feeds and their fetch state. */
    SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /** The planet's categories. */
    CategoryStore categories() {
        return categories;
    }

    /** The planet's entries. */
    EntryStore entries() {
        return entries;
    }

    /** Figures about the planet for the archive and subscription pages. */
    PlanetStatistics statistics() {
        return statistics;
    }

    /** When the planet's visible content last changed. */
    PlanetChangeTime changeTime() {
        return changeTime;
    }

    String title() {
        return config.siteTitle();
    }

    /** An absolute URL on this site for a path such as {@code /atom.xml}. */
    String absolute(String path) {
        String base = config.siteUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Renders the template {@code name} (under {@code src/main/jte}) with its one parameter. */
    Rendered render(String name, Object model) {
        // Straight to UTF-8: the templates' static text is compiled to bytes (binaryStaticContent), so only the
        // values are encoded, and a page with one non-Latin-1 character is not widened to UTF-16 as a String is.
        PageBytes out = new PageBytes(lastSizes.getOrDefault(name, 16 * 1024) + 1024);
        templates.render(name, model, out);
        lastSizes.put(name, out.length());
        return new Rendered(Rendered.HTML, out.toByteArray());
    }

    /** Layout facts for a page whose matching feeds are the whole planet's. */
    PageMeta meta(Context ctx, String title) {
        return meta(ctx, title, "/atom.xml", "/rss.xml", title());
    }

    /** Layout facts for a page whose matching feeds are the given ones, made for the request's viewer. */
    PageMeta meta(Context ctx, String title, String atomUrl, String rssUrl, String feedTitle) {
        return new PageMeta(
                title(),
                title,
                atomUrl,
                rssUrl,
                feedTitle,
                null,
                null,
                categories.categories(),
                WebSessions.viewer(ctx),
                config.siteLogo());
    }

    /**
     * Entries grouped by their UTC day, in the order given (newest first), each showing an {@link EntryExcerpt}
     * of its HTML.
     */
    List<DayGroup> days(List<Entry> entries) {
        List<EntryView> views = views(entries, true);
        List<DayGroup> days = new ArrayList<>();
        LocalDate current = null;
        List<EntryView> group = null;
        for (EntryView v : views) {
            LocalDate day = LocalDate.ofInstant(v.entry().publishedAt(), ZoneOffset.UTC);
            if (!day.equals(current)) {
                current = day;
                group = new ArrayList<>();
                days.add(new DayGroup(day.toString(), Format.day(day), group));
            }
            group.add(v);
        }
        return days.stream()
                .map(d -> new DayGroup(d.isoDate(), d.label(), List.copyOf(d.entries())))
                .toList();
    }

    /** The entries as their own pages show them, with all their HTML. */
    List<EntryView> views(List<Entry> entries) {
        return views(entries, false);
    }

    private List<EntryView> views(List<Entry> entries, boolean excerpts) {
        Map<Long, List<Category>> filed =
                categories.entryCategories(entries.stream().map(Entry::id).toList());
        Map<Long, String> faces = subscriptions.faces();
        Map<Long, List<PostCopy>> copies =
                this.entries.posts().copies(entries.stream().map(Entry::id).toList());
        return entries.stream()
                .map(e -> view(e, filed.getOrDefault(e.id(), List.of()), excerpts, faces.get(e.feedId()))
                        .withAlsoPosted(copies.getOrDefault(e.id(), List.of())))
                .toList();
    }

    /** The picture of a feed: its face, or its generated initials. */
    String avatar(long feedId, String name) {
        return Avatars.of(name, subscriptions.faces().get(feedId));
    }

    static EntryView view(Entry e, List<Category> categories, boolean excerpt, String face) {
        return new EntryView(
                e,
                Format.webUrl(e.link()),
                Format.webUrl(e.feedSiteUrl()),
                List.copyOf(categories),
                Format.iso(e.publishedAt()),
                Format.human(e.publishedAt()),
                excerpt ? EntryExcerpt.of(e) : null,
                Avatars.of(e.feedName(), face));
    }
}
