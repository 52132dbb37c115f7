package org.callisto.web.view;

import java.util.List;
import org.callisto.planet.Feed;

/** The table of every subscription and how its fetching goes. Immutable. */
public record SubscriptionsPage(PageMeta meta, List<Row> rows, String generatedIso, String generated) {

    /**
     * One subscription.
     *
     * @param feed         the subscription
     * @param feedUrl      its URL if that is a web address, else null
     * @param lastFetch    the last attempt, for people ("3 hours ago"), or null
     * @param lastFetchIso the same for {@code <time datetime>}
     * @param lastFetchAbs the same as a date
     * @param nextFetch    the next attempt, for people, or null when disabled
     * @param nextFetchIso the same for {@code <time datetime>}
     * @param nextFetchAbs the same as a date
     * @param status       the state in one or two words: OK, Error, Disabled, Not fetched yet
     * @param statusClass  a CSS class for it
     * @param error        the last error in words, or null
     * @param perWeek      entries per week over the last eight weeks, formatted
     * @param avatar       the feed's face, or its generated initials as a data: URI
     */
    public record Row(
            Feed feed,
            String feedUrl,
            String lastFetch,
            String lastFetchIso,
            String lastFetchAbs,
            String nextFetch,
            String nextFetchIso,
            String nextFetchAbs,
            String status,
            String statusClass,
            String error,
            String perWeek,
            String avatar) {}
}
