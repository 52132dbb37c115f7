package org.callisto.html;

import java.net.URI;

/**
 * The URL relative URLs of one fragment are resolved against, parsed only when first needed: most fragments
 * hold no relative URL, and parsing a URL costs more than cleaning a small fragment. One instance serves one
 * sanitizing call: not thread-safe.
 */
final class BaseUrl {
    private final String raw;
    private URI uri;
    private boolean parsed;

    private BaseUrl(String raw, URI uri, boolean parsed) {
        this.raw = raw;
        this.uri = uri;
        this.parsed = parsed;
    }

    /** A base given as text, parsed with {@link UrlResolver#base(String)} on first use; null allowed. */
    static BaseUrl of(String raw) {
        return new BaseUrl(raw, null, raw == null);
    }

    /** A base already parsed (or null, for none). */
    static BaseUrl of(URI uri) {
        return new BaseUrl(null, uri, true);
    }

    /** The absolute http(s) base, or null when there is none usable. */
    URI get() {
        if (!parsed) {
            uri = UrlResolver.base(raw);
            parsed = true;
        }
        return uri;
    }
}
