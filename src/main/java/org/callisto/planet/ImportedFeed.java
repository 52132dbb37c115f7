package org.callisto.planet;

import java.util.List;

/**
 * One feed of an import, ready to be written: its URL checked by {@link SubscriptionUrl}, its name cleaned (or null)
 * and its category names stripped, none blank. Immutable.
 *
 * @param url        the checked URL
 * @param name       the name to give a new feed, or a subscribed one that has none; or null
 * @param categories category names to add the feed to
 */
record ImportedFeed(String url, String name, List<String> categories) {}
