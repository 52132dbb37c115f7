/**
 * The planet: subscriptions and their categories, the entries fetched from them, and the refresh pipeline that
 * reads top to bottom in {@link org.callisto.planet.FeedRefresher}: fetch ({@code planet.fetch}), parse
 * ({@code planet.parse}), sanitize ({@code html}), store. {@link org.callisto.planet.RefreshRound} runs the
 * refresher over many feeds at once and {@link org.callisto.planet.RefreshScheduler} starts rounds for the feeds
 * that are due. Subscriptions are imported from and exported to OPML here too.
 *
 * <p>May import {@code db}, {@code config}, {@code html}, {@code syndication} and its sub-packages; never
 * {@code web} or {@code app}. Stores and services are thread-safe; a refresh of one feed runs on one thread.
 */
package org.callisto.planet;
