package org.callisto.websub;

import java.util.Optional;

/**
 * Where the hub reads the current body of one of the site's own feeds. Implementations are thread-safe and never
 * throw.
 */
@FunctionalInterface
public interface TopicSource {
    /** A feed's body and its Content-Type. */
    record Content(String contentType, byte[] body) {}

    /**
     * The body of the feed served at {@code path} (path and query, e.g. {@code /category/bsd/atom.xml}), or empty when
     * the site does not serve it (404) or cannot now.
     */
    Optional<Content> read(String path);
}
