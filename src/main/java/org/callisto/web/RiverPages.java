package org.callisto.web;

import io.javalin.http.Context;
import java.util.List;
import org.callisto.planet.Category;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryList;
import org.callisto.web.view.ListPage;
import org.callisto.web.view.PageMeta;
import org.callisto.web.view.Pager;

/** The river of news ({@code /}) and the category archives ({@code /category/{slug}}). Thread-safe. */
final class RiverPages {
    private final Site site;

    RiverPages(Site site) {
        this.site = site;
    }

    Rendered river(Context ctx) {
        EntryWindow window = EntryWindow.of(ctx, site.entries(), EntryList.river(), "/", "the river of news");
        List<Entry> entries = window.entries();
        Pager pager = window.pager();
        PageMeta meta = site.meta(ctx, window.label() == null ? null : capitalized(window.label()))
                .withPager(pager);
        String intro = entries.isEmpty() ? "Nothing has been aggregated yet." : null;
        return site.render("list.jte", new ListPage(meta, site.title(), intro, site.days(entries), pager));
    }

    Rendered category(Context ctx) {
        Category category = category(ctx.pathParam("slug"));
        String path = "/category/" + category.slug();
        EntryWindow window = EntryWindow.of(
                ctx, site.entries(), EntryList.category(category.id()), path, "category " + category.name());
        List<Entry> entries = window.entries();
        Pager pager = window.pager();
        String heading = "Category Archives: " + category.name();
        PageMeta meta = site.meta(
                        ctx,
                        window.label() == null ? heading : heading + " (" + window.label() + ")",
                        path + "/atom.xml",
                        path + "/rss.xml",
                        site.title() + " – " + category.name())
                .withPager(pager);
        String intro = entries.isEmpty() ? "No entries in this category yet." : null;
        return site.render("list.jte", new ListPage(meta, heading, intro, site.days(entries), pager));
    }

    private static String capitalized(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** The category of a slug, or a 404 naming it. */
    Category category(String slug) {
        return site.categories()
                .categoryBySlug(slug)
                .orElseThrow(() -> PageException.notFound("There is no category \"" + Paging.shorten(slug)
                        + "\". The categories are listed on every page."));
    }
}
