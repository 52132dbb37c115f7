package org.callisto.planet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * The planet's categories, and which of them each entry is filed under. Categories are made by
 * {@link SubscriptionStore} when a feed is put in one that does not exist yet. Thread-safe: every method borrows
 * its own connection from the pool.
 */
public final class CategoryStore {
    private final Database db;

    public CategoryStore(Database db) {
        this.db = db;
    }

    /** Every category, by name. */
    public List<Category> categories() {
        return db.withConnection(
                c -> Sql.list(c, "SELECT id, slug, name FROM categories ORDER BY name", CategoryStore::category));
    }

    public Optional<Category> categoryBySlug(String slug) {
        return categories().stream().filter(cat -> cat.slug().equals(slug)).findFirst();
    }

    /** The categories each of the given entries belongs to, by name; entries without any are left out. */
    public Map<Long, List<Category>> entryCategories(List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(entryIds.size(), "?"));
        return db.withConnection(c -> {
            Map<Long, List<Category>> out = new HashMap<>();
            for (Filed f : Sql.list(
                    c,
                    "SELECT ec.entry_id, cat.id, cat.slug, cat.name"
                            + " FROM entry_categories ec JOIN categories cat ON cat.id = ec.category_id"
                            + " WHERE ec.entry_id IN (" + marks + ") ORDER BY cat.name",
                    rs -> new Filed(rs.getLong(1), new Category(rs.getLong(2), rs.getString(3), rs.getString(4))),
                    entryIds.toArray())) {
                out.computeIfAbsent(f.entryId(), k -> new ArrayList<>()).add(f.category());
            }
            return out;
        });
    }

    /** One entry's place in one category. */
    private record Filed(long entryId, Category category) {}

    /** The category named {@code name}, made when there is none with its slug, in the caller's transaction. */
    static Category ensure(Connection c, String name) throws SQLException {
        return Sql.first(
                        c,
                        "INSERT INTO categories (slug, name) VALUES (?, ?)"
                                + " ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id, slug, name",
                        CategoryStore::category,
                        Category.slugOf(name),
                        name)
                .orElseThrow(() -> new SQLException("no category returned for the name '" + name + "'"));
    }

    /** Maps columns 1 to 3 of a row: id, slug, name. */
    static Category category(ResultSet rs) throws SQLException {
        return new Category(rs.getLong(1), rs.getString(2), rs.getString(3));
    }
}
