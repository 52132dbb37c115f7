package org.callisto.web.view;

import java.util.List;

/**
 * The editors' download counts, {@code /editor/downloads}: one row per episode and rendition. Immutable.
 *
 * @param meta   layout facts
 * @param days   the length of the recent period, in days
 * @param rows   the counts, newest episode first
 * @param total  the sum of all totals
 * @param recent the sum of the recent counts
 * @param scope  what the charts show: "all episodes" or "episode N: title"
 * @param allUrl the page for all episodes, or null when it is the one shown
 * @param perDay an inline SVG chart of the downloads per day over the recent period (markup made by the server)
 * @param perApp an inline SVG chart of the downloads per podcast app over the recent period
 * @param apps   the same per-app figures as a table, most first
 */
public record DownloadsPage(
        PageMeta meta,
        int days,
        List<Row> rows,
        long total,
        long recent,
        String scope,
        String allUrl,
        String perDay,
        String perApp,
        List<App> apps) {

    /** One podcast app's downloads over the recent period. */
    public record App(String name, long downloads) {}

    /** One rendition's counts. */
    public record Row(
            int number,
            String title,
            String episodeUrl,
            String chartUrl,
            String rendition,
            String file,
            long total,
            long recent) {}
}
