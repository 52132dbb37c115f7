package org.callisto.search;

import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Sql;

/**
 * Indexes what was stored before the search index existed (a database migrated from an older version): every
 * entry, story, comment and episode without a document, in transactions of {@link #BATCH} entries, once; a mark in
 * {@code planet_state} says it is done, so later starts cost one lookup. New writes are indexed by the stores
 * themselves. Thread-safe; run at start, before the site serves.
 */
public final class SearchBackfill {
    static final int BATCH = 500;
    private static final String MARK = "search.backfilled";

    private SearchBackfill() {}

    /** Indexes what is missing; returns how many entries were indexed (0 once done). */
    public static int run(Database db) {
        boolean done = db.withConnection(c -> Sql.first(c, "SELECT 1 FROM planet_state WHERE key = ?", rs -> true, MARK)
                .isPresent());
        if (done) {
            return 0;
        }
        int indexed = 0;
        while (true) {
            int n = db.inTransaction(c -> {
                List<Object[]> rows = Sql.list(
                        c,
                        "SELECT e.id, e.feed_id, e.title, e.author, e.summary_html, e.content_html, e.published_at"
                                + " FROM entries e WHERE NOT EXISTS (SELECT 1 FROM search_documents d"
                                + " WHERE d.kind = 'entry' AND d.ref_id = e.id) ORDER BY e.id LIMIT " + BATCH,
                        rs -> new Object[] {
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getLong(7)
                        });
                for (Object[] r : rows) {
                    SearchDocuments.entry(
                            c,
                            (Long) r[0],
                            (Long) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (Long) r[6]);
                }
                return rows.size();
            });
            indexed += n;
            if (n < BATCH) {
                break;
            }
        }
        db.inTransaction(c -> {
            for (Long id : Sql.list(c, "SELECT id FROM stories", rs -> rs.getLong(1))) {
                SearchDocuments.story(c, id);
            }
            for (Long id : Sql.list(c, "SELECT id FROM comments", rs -> rs.getLong(1))) {
                SearchDocuments.comment(c, id);
            }
            SearchDocuments.episodes(c);
            Sql.update(c, "INSERT INTO planet_state (key, value) VALUES (?, 'yes') ON CONFLICT (key) DO NOTHING", MARK);
            return null;
        });
        return indexed;
    }
}
