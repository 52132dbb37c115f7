package org.callisto.journal;

import java.util.Locale;

/** Where a story stands: waiting in the editor queue, published, or rejected with a reason. */
public enum StoryStatus {
    PENDING,
    PUBLISHED,
    REJECTED;

    /** The stored name: {@code pending}, {@code published}, {@code rejected}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StoryStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
