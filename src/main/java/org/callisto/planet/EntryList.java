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

    /** Every entry. */
    public static EntryList river() {
        return new EntryList("", "", "e.published_at", "e.id", List.of(), "SELECT COUNT(*) FROM entries");
    }

    /** The entries filed in one category. */
    public static EntryList category(long categoryId) {
        return new EntryList(
                " JOIN entry_categories ec ON ec.entry_id = e.id",
                "ec.category_id = ?",
                "ec.published_at",
                "ec.entry_id",
                List.of(categoryId),
                "SELECT COUNT(*) FROM entry_categories WHERE category_id = ?");
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

    /** The entries published in {@code [from, to)}. */
    public static EntryList between(Instant from, Instant to) {
        return new EntryList(
                "",
                "e.published_at >= ? AND e.published_at < ?",
                "e.published_at",
                "e.id",
                List.of(from, to),
                "SELECT COUNT(*) FROM entries WHERE published_at >= ? AND published_at < ?");
    }
}
