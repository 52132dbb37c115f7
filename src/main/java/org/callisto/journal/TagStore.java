package org.callisto.journal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * All SQL of tags: a story's tags (a change moves the journal's change clock) and the tags members hide. Stores
 * what it is given; the rules are in {@link Tags}. Thread-safe: every method borrows its own connection.
 */
public final class TagStore {
    private final Database db;
    private final Clock clock;

    public TagStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Replaces a story's tags. */
    void set(long storyId, List<String> tags) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM story_tags WHERE story_id = ?", storyId);
            for (String t : tags) {
                Sql.update(c, "INSERT INTO story_tags (story_id, tag) VALUES (?, ?)", storyId, t);
            }
            JournalStore.touch(c, clock.instant());
            return null;
        });
    }

    /** The tags of each of these stories, alphabetically; stories without any are left out. */
    public Map<Long, List<String>> tags(List<Long> storyIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (storyIds.isEmpty()) {
            return out;
        }
        db.withConnection(c -> Sql.list(
                        c,
                        "SELECT story_id, tag FROM story_tags WHERE story_id IN ("
                                + String.join(", ", Collections.nCopies(storyIds.size(), "?"))
                                + ") ORDER BY story_id, tag",
                        rs -> Map.entry(rs.getLong(1), rs.getString(2)),
                        storyIds.toArray()))
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The tags a member hides, alphabetically. */
    public List<String> hidden(long userId) {
        return db.withConnection(c -> Sql.list(
                c, "SELECT tag FROM hidden_tags WHERE user_id = ? ORDER BY tag", rs -> rs.getString(1), userId));
    }

    /** Replaces the tags a member hides. */
    void setHidden(long userId, List<String> tags) {
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM hidden_tags WHERE user_id = ?", userId);
            for (String t : tags) {
                Sql.update(c, "INSERT INTO hidden_tags (user_id, tag) VALUES (?, ?)", userId, t);
            }
            return null;
        });
    }
}
