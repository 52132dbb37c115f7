package org.callisto.web;

/**
 * A page or feed as rendered, before it is cached and sent. Immutable.
 *
 * @param contentType the full Content-Type, charset included
 * @param body        the text
 */
record Rendered(String contentType, String body) {
    static final String HTML = "text/html; charset=utf-8";
    static final String ATOM = "application/atom+xml; charset=utf-8";
    static final String RSS = "application/rss+xml; charset=utf-8";

    static Rendered html(String body) {
        return new Rendered(HTML, body);
    }
}
