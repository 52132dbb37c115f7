package org.callisto.web.view;

import java.util.List;
import org.callisto.planet.Category;

/**
 * What the layout needs to know about a page: its titles, its feeds and its neighbours. Immutable.
 *
 * @param siteTitle  the planet's title
 * @param title      the page's own title (the {@code <title>} prefix), or null on the front page
 * @param atomUrl    the Atom feed matching the page
 * @param rssUrl     the RSS feed matching the page
 * @param feedTitle  what those feeds are called
 * @param prevUrl    the newer page, or null
 * @param nextUrl    the older page, or null
 * @param categories every category, for the navigation
 * @param viewer     the logged-in person, or null for anonymous pages (the only ones that are cached)
 * @param siteLogo   the address of the site's logo ({@code site.logo}), or empty for none
 */
public record PageMeta(
        String siteTitle,
        String title,
        String atomUrl,
        String rssUrl,
        String feedTitle,
        String prevUrl,
        String nextUrl,
        List<Category> categories,
        Viewer viewer,
        String siteLogo) {

    public PageMeta {
        siteLogo = siteLogo == null ? "" : siteLogo;
    }

    /** Layout facts without a logo. */
    public PageMeta(
            String siteTitle,
            String title,
            String atomUrl,
            String rssUrl,
            String feedTitle,
            String prevUrl,
            String nextUrl,
            List<Category> categories,
            Viewer viewer) {
        this(siteTitle, title, atomUrl, rssUrl, feedTitle, prevUrl, nextUrl, categories, viewer, "");
    }

    /** The full {@code <title>}. */
    public String fullTitle() {
        return title == null ? siteTitle : title + " – " + siteTitle;
    }

    public PageMeta withPager(Pager pager) {
        return new PageMeta(
                siteTitle,
                title,
                atomUrl,
                rssUrl,
                feedTitle,
                pager.prevUrl(),
                pager.nextUrl(),
                categories,
                viewer,
                siteLogo);
    }
}
