/**
 * Fetching feeds over HTTP, politely and safely.
 *
 * <p>{@link org.callisto.planet.fetch.FeedFetcher} does one fetch: a conditional GET with the stored validators,
 * redirects followed by hand (counted, loop-checked, judged permanent or temporary), the body decoded and capped
 * while it streams, and every failure turned into a {@link org.callisto.planet.fetch.FetchResult} with a
 * {@link org.callisto.planet.fetch.FetchResult.FetchError} and a sentence naming the URL.
 * {@link org.callisto.planet.fetch.FetchSchedule} decides when the next fetch of a feed happens.
 *
 * <h2>Why the SSRF guard is a resolver</h2>
 * Checking a URL's host before fetching is not enough: the name can resolve to something else when the client
 * connects (DNS rebinding), and a redirect can point anywhere. Jetty's {@code HttpClient} asks its
 * {@link org.eclipse.jetty.util.SocketAddressResolver} for the addresses of every new connection, on the first
 * request and on each redirect hop alike, and connects only to what it returns. So the guard,
 * {@link org.callisto.planet.fetch.GuardedAddressResolver}, wraps Jetty's resolver and removes the addresses that
 * {@link org.callisto.planet.fetch.AddressPolicy} refuses; when none remain, the connection fails with a message
 * naming the host, the address and the setting that would allow it. IP literals go through the same resolver.
 *
 * <h2>Why bodies are decoded here, not by Jetty</h2>
 * Jetty's content decoders would hand over already-decompressed bytes, so a 10 KB gzip bomb could expand far past
 * the cap before it was counted. {@link org.callisto.planet.fetch.BodyReader} reads the raw stream, counts both
 * the raw and the decoded bytes against {@code fetch.max_body}, and the fetcher aborts the request the moment
 * either passes it.
 */
package org.callisto.planet.fetch;
