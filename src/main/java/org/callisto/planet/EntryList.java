package org.callisto.planet;

import java.time.Instant;
import java.util.List;

/**
 * One of the planet's newest-first lists of entries: the river, a category, a feed, or the entries published in a
 * period. {@link EntryStore} pages through any of them by {@link EntryCursor} (or, for old {@code ?page=N} links, by
 * offset). Each list names the sort columns an index serves: {@code entries (published_at DESC, id DESC)},
 * {@code entries (feed_id, published_at DESC, id DESC)} and {@code entry_categories (category_id, published_at
 * DESC, entry_id DESC)}. Immutable.
 */
public final class EntryList {
    final String join;
    final String where;
    final String time;
    final String id;
    final List<Object> params;
    final String countSql;

    private EntryList(String join, String where, String time, String id, List<Object> params, String countSql) {
        this.join = join;
        this.where = where;
        this.time = time;
        this.id = id;
        this.params = params;
        this.countSql = countSql;
    }

    /**
     * Shows a post once: leaves out the copies of a post that another entry shows ({@code entry_posts}, V025);
     * entries stored before posts were kept have no row and are shown.
     */
    static final String SHOWN =
            "NOT EXISTS (SELECT 1 FROM entry_posts p WHERE p.entry_id = e.id AND p.post_id <> e.id)";

    private static final String SHOWN_COUNT =
            " NOT EXISTS (SELECT 1 FROM entry_posts p WHERE p.entry_id = e.id AND p.post_id <> e.id)";

    /** Every post, once. */
    public static EntryList river() {
        return new EntryList(
                "", SHOWN, "e.published_at", "e.id", List.of(), "SELECT COUNT(*) FROM entries e WHERE" + SHOWN_COUNT);
    }

    /** The posts filed in one category, once each. */
    public static EntryList category(long categoryId) {
        return new EntryList(
                " JOIN entry_categories ec ON ec.entry_id = e.id",
                "ec.category_id = ? AND " + SHOWN,
                "ec.published_at",
                "ec.entry_id",
                List.of(categoryId),
                "SELECT COUNT(*) FROM entry_categories ec JOIN entries e ON e.id = ec.entry_id"
                        + " WHERE ec.category_id = ? AND" + SHOWN_COUNT);
    }

    /** The entries of one feed. */
    public static EntryList feed(long feedId) {
        return new EntryList(
                "",
                "e.feed_id = ?",
                "e.published_at",
                "e.id",
                List.of(feedId),
                "SELECT COUNT(*) FROM entries WHERE feed_id = ?");
    }

    /** The posts published in {@code [from, to)}, once each. */
    public static EntryList between(Instant from, Instant to) {
        return new EntryList(
                "",
                "e.published_at >= ? AND e.published_at < ? AND " + SHOWN,
                "e.published_at",
                "e.id",
                List.of(from, to),
                "SELECT COUNT(*) FROM entries e WHERE e.published_at >= ? AND e.published_at < ? AND" + SHOWN_COUNT);
    }
}
