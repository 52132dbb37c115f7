/**
 * WebSub (W3C Recommendation, 2018), both ways. As a subscriber: when a planet feed names a hub, the planet
 * subscribes with a random callback URL and a secret, answers the hub's verification of intent only for topics it
 * asked for, renews leases before they end, checks the signature of every push and stores pushed documents through
 * the planet's own parse, sanitize and store path. As a publisher: the site's own hub takes subscriptions to its
 * output feeds, verifies intent, and posts a feed's new body, signed, to its subscribers when the feed changes, with
 * retries and bounded concurrency, through the planet's fetch guards.
 *
 * <p>Imports {@code config}, {@code db}, {@code planet}, {@code planet.fetch} and {@code planet.parse}; never
 * {@code web} or {@code app} (the web layer hands requests in, the composition root wires the parts). Every public
 * class is thread-safe.
 */
package org.callisto.websub;
