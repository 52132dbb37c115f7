package org.callisto.web;

import io.javalin.http.Context;
import java.util.List;
import org.callisto.planet.Category;
import org.callisto.planet.Entry;
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
        int pages = Paging.pages(site.entries().countEntries());
        int page = Paging.page(ctx.queryParam("page"), pages, "the river of news");
        List<Entry> entries = site.entries().river(Paging.offset(page), Paging.PAGE_SIZE);
        Pager pager = Pager.of("/", page, pages);
        PageMeta meta = site.meta(ctx, page == 1 ? null : "Page " + page).withPager(pager);
        String intro = entries.isEmpty() ? "Nothing has been aggregated yet." : null;
        return site.render("list.jte", new ListPage(meta, site.title(), intro, site.days(entries), pager));
    }

    Rendered category(Context ctx) {
        Category category = category(ctx.pathParam("slug"));
        String path = "/category/" + category.slug();
        int pages = Paging.pages(site.entries().countCategoryEntries(category.id()));
        int page = Paging.page(ctx.queryParam("page"), pages, "category " + category.name());
        List<Entry> entries = site.entries().categoryEntries(category.id(), Paging.offset(page), Paging.PAGE_SIZE);
        Pager pager = Pager.of(path, page, pages);
        String heading = "Category Archives: " + category.name();
        PageMeta meta = site.meta(
                        ctx,
                        page == 1 ? heading : heading + " (page " + page + ")",
                        path + "/atom.xml",
                        path + "/rss.xml",
                        site.title() + " – " + category.name())
                .withPager(pager);
        String intro = entries.isEmpty() ? "No entries in this category yet." : null;
        return site.render("list.jte", new ListPage(meta, heading, intro, site.days(entries), pager));
    }

    /** The category of a slug, or a 404 naming it. */
    Category category(String slug) {
        return site.categories()
                .categoryBySlug(slug)
                .orElseThrow(() -> PageException.notFound("There is no category \"" + Paging.shorten(slug)
                        + "\". The categories are listed on every page."));
    }
}
