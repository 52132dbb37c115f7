package org.callisto.search;

import java.util.Locale;

/** How results are ordered: newest first, or best match first (BM25 on SQLite, {@code ts_rank} on PostgreSQL). */
public enum SearchOrder {
    NEWEST,
    BEST;

    /** The order named {@code newest} or {@code best} (any case); null or empty is {@link #NEWEST}. */
    public static SearchOrder of(String name) {
        if (name == null || name.isBlank()) {
            return NEWEST;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "newest", "new", "date" -> NEWEST;
            case "best", "rank", "relevance" -> BEST;
            default -> throw new SearchRefusal("There is no order \"" + shorten(name) + "\": use newest or best.");
        };
    }

    /** The name used in addresses and options. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
