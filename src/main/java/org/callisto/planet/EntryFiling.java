package org.callisto.planet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.callisto.db.Sql;

/**
 * Files entries under categories: each entry belongs to its feed's categories and to any category one of its own
 * terms names (by name, case ignored, or by slug). Used inside the transactions of {@link EntryStore} (new and
 * changed entries) and {@link SubscriptionStore} (a feed's categories changed). Stateless and thread-safe.
 */
final class EntryFiling {
    /** How the terms of an entry are joined in {@code entries.terms}. */
    static final String TERM_SEPARATOR = ", ";

    private EntryFiling() {}

    /** The ids of a feed's categories. */
    static List<Long> feedCategoryIds(Connection c, long feedId) throws SQLException {
        return Sql.list(c, "SELECT category_id FROM feed_categories WHERE feed_id = ?", rs -> rs.getLong(1), feedId);
    }

    /** Every category's id by its lower-case name and, where no name is the same, by its slug. */
    static Map<String, Long> categoryIdsByLowerName(Connection c) throws SQLException {
        Map<String, Long> map = new HashMap<>();
        for (Category cat : Sql.list(c, "SELECT id, slug, name FROM categories", CategoryStore::category)) {
            map.put(cat.name().toLowerCase(Locale.ROOT), cat.id());
            map.putIfAbsent(cat.slug(), cat.id());
        }
        return map;
    }

    /** The categories of an entry with {@code terms} in a feed whose categories are {@code feedCategories}. */
    static Set<Long> categoriesOf(List<Long> feedCategories, Map<String, Long> categoryByName, Iterable<String> terms) {
        Set<Long> cats = new LinkedHashSet<>(feedCategories);
        for (String term : terms) {
            Long id = categoryByName.get(term.strip().toLowerCase(Locale.ROOT));
            if (id != null) {
                cats.add(id);
            }
        }
        return cats;
    }

    /** Files an entry under exactly {@code categoryIds}, sorted in them by {@code publishedAt}. */
    static void link(Connection c, long entryId, Set<Long> categoryIds, long publishedAt) throws SQLException {
        Sql.update(c, "DELETE FROM entry_categories WHERE entry_id = ?", entryId);
        if (categoryIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO entry_categories (entry_id, category_id, published_at) VALUES (?, ?, ?)")) {
            for (long categoryId : categoryIds) {
                Sql.bind(ins, entryId, categoryId, publishedAt);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** Files a feed's stored entries again after its categories changed, as new ones are filed. */
    static void refile(Connection c, long feedId) throws SQLException {
        List<Long> feedCategories = feedCategoryIds(c, feedId);
        Map<String, Long> categoryByName = categoryIdsByLowerName(c);
        List<Stored> entries = Sql.list(
                c,
                "SELECT id, published_at, terms FROM entries WHERE feed_id = ?",
                rs -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                feedId);
        for (Stored e : entries) {
            List<String> terms =
                    e.terms() == null ? List.of() : List.of(e.terms().split(TERM_SEPARATOR));
            link(c, e.id(), categoriesOf(feedCategories, categoryByName, terms), e.publishedAt());
        }
    }

    /** What refiling needs of a stored entry. */
    private record Stored(long id, long publishedAt, String terms) {}
}
