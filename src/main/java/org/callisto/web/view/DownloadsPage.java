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
 */
public record DownloadsPage(PageMeta meta, int days, List<Row> rows, long total, long recent) {

    /** One rendition's counts. */
    public record Row(
            int number, String title, String episodeUrl, String rendition, String file, long total, long recent) {}
}
