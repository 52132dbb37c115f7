package org.callisto.planet.fetch;

import java.net.URI;

/**
 * What to fetch: the feed URL and the validators from the previous successful fetch, for a conditional GET.
 *
 * @param url          absolute http(s) URL
 * @param etag         the ETag from the last 200 answer, or null
 * @param lastModified the Last-Modified from the last 200 answer, or null
 */
public record FetchRequest(URI url, String etag, String lastModified) {}
