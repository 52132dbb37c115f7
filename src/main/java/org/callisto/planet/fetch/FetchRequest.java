package org.callisto.planet.fetch;

import java.net.URI;
import java.nio.file.Path;

/**
 * What to fetch: the feed URL and the validators from the previous successful fetch, for a conditional GET; or,
 * for a large file such as a podcast episode, where to stream the body instead of holding it in memory.
 *
 * @param url          absolute http(s) URL
 * @param etag         the ETag from the last 200 answer, or null
 * @param lastModified the Last-Modified from the last 200 answer, or null
 * @param saveTo       the file the body of a 200 is written to (replaced; the result's body is then empty), or null
 *                     to return the body in the result
 * @param maxBytes     the largest body accepted, or 0 for {@code fetch.max_body}
 */
public record FetchRequest(URI url, String etag, String lastModified, Path saveTo, long maxBytes) {

    /** A fetch whose body comes back in the result, up to {@code fetch.max_body}. */
    public FetchRequest(URI url, String etag, String lastModified) {
        this(url, etag, lastModified, null, 0);
    }

    /** A download of {@code url} streamed into {@code file}, up to {@code maxBytes}. */
    public static FetchRequest download(URI url, Path file, long maxBytes) {
        return new FetchRequest(url, null, null, file, maxBytes);
    }
}
