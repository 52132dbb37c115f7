package org.callisto.planet.parse;

/**
 * Parses feed bytes of any supported format into a {@link ParsedFeed}, liberally: ill-formed XML is recovered
 * where possible and its problems recorded, never thrown. Thread-safe; one instance may be shared.
 */
public final class FeedParser {

    /**
     * Parses one document.
     *
     * @param body        the raw bytes as fetched
     * @param contentType the HTTP Content-Type header (for its charset), or null
     * @param baseUrl     the URL the bytes came from, used to resolve relative URLs, or null
     * @throws FeedParseException when the bytes are not a feed at all
     */
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        throw new UnsupportedOperationException("not yet written");
    }
}
