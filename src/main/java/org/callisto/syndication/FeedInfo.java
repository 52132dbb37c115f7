package org.callisto.syndication;

import java.time.Instant;

/**
 * The feed-level facts of an output feed. Immutable.
 *
 * @param id       a stable identifier for the feed (its canonical URL)
 * @param title    the feed's title, plain text
 * @param subtitle a short description, plain text, or null
 * @param siteUrl  the HTML page the feed mirrors
 * @param selfUrl  the URL the feed itself is served at
 * @param updated  when its content last changed
 */
public record FeedInfo(String id, String title, String subtitle, String siteUrl, String selfUrl, Instant updated) {}
