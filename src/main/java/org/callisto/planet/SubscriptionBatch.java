package org.callisto.planet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callisto.db.Sql;
import org.callisto.planet.SubscriptionImport.Outcome;

/**
 * Writes one batch of imported feeds in the caller's transaction with a handful of statements, whatever the size of
 * the batch: one query finds the feeds already subscribed and one their categories, then the new feeds, new names,
 * new categories and new category links are each written as one JDBC batch. The outcome of each feed is decided in
 * memory, in order, so a URL met twice in a batch is added once and then updated or left unchanged, exactly as if
 * the feeds had been imported one by one. Only feeds that were subscribed before and gain categories have their
 * stored entries filed again.
 *
 * <p>Stateless and thread-safe; the connection belongs to the caller.
 */
final class SubscriptionBatch {

    /** Most values in one {@code IN (...)} list, well under every database's limit on parameters. */
    private static final int IN_LIST = 500;

    private SubscriptionBatch() {}

    /** What is known of one URL of the batch while its outcome is decided. */
    private static final class State {
        Long id; // null for a feed this batch adds
        final boolean isNew;
        String name;
        boolean nameChanged;
        final Set<String> slugs = new LinkedHashSet<>();
        final Map<String, String> newCategories = new LinkedHashMap<>(); // slug -> name as imported

        State(Long id, String name, boolean isNew) {
            this.id = id;
            this.name = name == null || name.isBlank() ? null : name;
            this.isNew = isNew;
        }
    }

    /** Writes {@code feeds} and returns the outcome of each, in order. */
    static List<Outcome> write(Connection c, List<ImportedFeed> feeds, Instant now) throws SQLException {
        Map<String, State> states = existing(c, feeds);
        List<Outcome> outcomes = new ArrayList<>(feeds.size());
        for (ImportedFeed f : feeds) {
            State s = states.get(f.url());
            if (s == null) {
                s = new State(null, f.name(), true);
                states.put(f.url(), s);
                addCategories(s, f.categories());
                outcomes.add(Outcome.ADDED);
                continue;
            }
            boolean newName = s.name == null && f.name() != null;
            if (newName) {
                s.name = f.name();
                s.nameChanged = true;
            }
            boolean newCategories = addCategories(s, f.categories());
            outcomes.add(newName || newCategories ? Outcome.UPDATED : Outcome.UNCHANGED);
        }
        boolean changed = outcomes.stream().anyMatch(o -> o == Outcome.ADDED || o == Outcome.UPDATED);
        if (!changed) {
            return outcomes;
        }
        insertFeeds(c, states, now);
        renameFeeds(c, states);
        linkCategories(c, states);
        for (State s : states.values()) {
            if (!s.isNew && !s.newCategories.isEmpty()) {
                EntryFiling.refile(c, s.id);
            }
        }
        PlanetChangeTime.touch(c, now);
        return outcomes;
    }

    private static boolean addCategories(State s, List<String> names) {
        boolean added = false;
        for (String name : names) {
            String slug = Category.slugOf(name);
            if (s.slugs.add(slug)) {
                s.newCategories.put(slug, name);
                added = true;
            }
        }
        return added;
    }

    /** The feeds of the batch already subscribed, by URL, with their names and category slugs. */
    private static Map<String, State> existing(Connection c, List<ImportedFeed> feeds) throws SQLException {
        List<String> urls = feeds.stream().map(ImportedFeed::url).distinct().toList();
        Map<String, State> states = new LinkedHashMap<>(); // new feeds are added in file order
        Map<Long, State> byId = new HashMap<>();
        for (List<String> chunk : chunks(urls)) {
            Sql.list(
                    c,
                    "SELECT id, url, name FROM feeds WHERE url IN (" + marks(chunk.size()) + ")",
                    rs -> {
                        State s = new State(rs.getLong(1), rs.getString(3), false);
                        states.put(rs.getString(2), s);
                        byId.put(s.id, s);
                        return s;
                    },
                    chunk.toArray());
        }
        for (List<Long> chunk : chunks(new ArrayList<>(byId.keySet()))) {
            Sql.list(
                    c,
                    "SELECT fc.feed_id, cat.slug FROM feed_categories fc JOIN categories cat ON cat.id = fc.category_id"
                            + " WHERE fc.feed_id IN (" + marks(chunk.size()) + ")",
                    rs -> byId.get(rs.getLong(1)).slugs.add(rs.getString(2)),
                    chunk.toArray());
        }
        return states;
    }

    private static void insertFeeds(Connection c, Map<String, State> states, Instant now) throws SQLException {
        List<String> added = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO feeds (url, name, created_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING")) {
            for (Map.Entry<String, State> e : states.entrySet()) {
                if (e.getValue().isNew) {
                    Sql.bind(insert, e.getKey(), e.getValue().name, now);
                    insert.addBatch();
                    added.add(e.getKey());
                }
            }
            if (added.isEmpty()) {
                return;
            }
            insert.executeBatch();
        }
        for (List<String> chunk : chunks(added)) {
            Sql.list(
                    c,
                    "SELECT id, url FROM feeds WHERE url IN (" + marks(chunk.size()) + ")",
                    rs -> states.get(rs.getString(2)).id = rs.getLong(1),
                    chunk.toArray());
        }
    }

    private static void renameFeeds(Connection c, Map<String, State> states) throws SQLException {
        try (PreparedStatement rename = c.prepareStatement("UPDATE feeds SET name = ? WHERE id = ?")) {
            int n = 0;
            for (State s : states.values()) {
                if (s.nameChanged && !s.isNew) {
                    Sql.bind(rename, s.name, s.id);
                    rename.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                rename.executeBatch();
            }
        }
    }

    /** Makes the categories the batch names that do not exist yet, then links every feed to its new ones. */
    private static void linkCategories(Connection c, Map<String, State> states) throws SQLException {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (State s : states.values()) {
            s.newCategories.forEach(wanted::putIfAbsent);
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Long> ids = categoryIds(c, new ArrayList<>(wanted.keySet()));
        if (ids.size() < wanted.size()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO categories (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")) {
                for (Map.Entry<String, String> e : wanted.entrySet()) {
                    if (!ids.containsKey(e.getKey())) {
                        Sql.bind(insert, e.getKey(), e.getValue());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            ids = categoryIds(c, new ArrayList<>(wanted.keySet()));
        }
        try (PreparedStatement link = c.prepareStatement(
                "INSERT INTO feed_categories (feed_id, category_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (State s : states.values()) {
                for (String slug : s.newCategories.keySet()) {
                    Long categoryId = ids.get(slug);
                    if (s.id == null || categoryId == null) {
                        throw new SQLException("the category '" + slug + "' or a feed of the import was not stored");
                    }
                    Sql.bind(link, s.id, categoryId);
                    link.addBatch();
                }
            }
            link.executeBatch();
        }
    }

    private static Map<String, Long> categoryIds(Connection c, List<String> slugs) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(slugs)) {
            Sql.list(
                    c,
                    "SELECT slug, id FROM categories WHERE slug IN (" + marks(chunk.size()) + ")",
                    rs -> ids.put(rs.getString(1), rs.getLong(2)),
                    chunk.toArray());
        }
        return ids;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return chunks;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
