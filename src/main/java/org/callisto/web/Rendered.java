package org.callisto.web;

import java.nio.charset.StandardCharsets;

/**
 * A page or feed as rendered, before it is cached and sent: its bytes in UTF-8. Immutable by convention (the array
 * is never changed after rendering).
 *
 * @param contentType the full Content-Type, charset included
 * @param bytes       the body, UTF-8
 */
record Rendered(String contentType, byte[] bytes) {
    static final String HTML = "text/html; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    static final String RSS = "application/rss+xml; charset=utf-8";

    /** A rendering of text, kept as UTF-8. */
    Rendered(String contentType, String body) {
        this(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as text. */
    String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Rendered html(String body) {
        return new Rendered(HTML, body);
    }
}
