package org.callisto.web.view;

import java.util.List;
import org.callisto.planet.Feed;

/**
 * The page of one feed (one author). Immutable.
 *
 * @param meta    layout facts
 * @param feed    the subscription
 * @param siteUrl its site if that is a web address, else null
 * @param feedUrl its feed URL if that is a web address, else null
 * @param days    its entries by day
 * @param pager   where this page stands
 * @param avatar  the feed's face, or its generated initials as a data: URI
 */
public record FeedPage(
        PageMeta meta, Feed feed, String siteUrl, String feedUrl, List<DayGroup> days, Pager pager, String avatar) {}
