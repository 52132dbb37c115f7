package org.callisto.planet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callisto.db.Database;
import org.callisto.db.Dialect;
import org.callisto.db.Sql;

/**
 * Posts: the copies of one post that reached the planet through several feeds, grouped under the id of the earliest
 * copy (the one the lists show). {@link EntryStore} files each new entry here in its own transaction; administrators
 * split a wrong merge and merge a missed one, and each change is logged in {@code entry_post_log}. Thread-safe: every
 * method borrows its own connection from the pool.
 */
public final class PostStore {
    /** The transaction advisory lock that serialises filing on PostgreSQL: "postfile" in ASCII, as a 64-bit key. */
    private static final long FILING_LOCK = 0x706f737466696c65L;

    private final Database db;
    private final Clock clock;

    public PostStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new entry's keys, as {@link EntryStore} files it. */
    record Keys(String link, String id, String source, Long simHash) {
        static Keys of(EntryRow r, String feedUrl) {
            EntryDetails d = r.details();
            String guid = r.guid();
            String sourceFeed = d.viaFeedUrl() != null ? d.viaFeedUrl() : d.viaId() != null ? d.viaId() : feedUrl;
            String html = r.contentHtml() != null && !r.contentHtml().isBlank() ? r.contentHtml() : r.summaryHtml();
            return new Keys(
                    PostKeys.postLink(r.origLink(), r.link()),
                    PostKeys.globalId(guid),
                    PostKeys.sourceKey(sourceFeed, guid),
                    PostKeys.simHash(html));
        }
    }

    /**
     * Files a new entry, in the storing transaction: it joins the post of the first copy from another feed that
     * shares a key with it, and becomes that post's shown copy when it was published earlier.
     */
    static void file(Connection c, Dialect dialect, long entryId, long feedId, long publishedAt, Keys k)
            throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            // two feeds stored at once (a round stores feeds in parallel) would not see each other's uncommitted
            // copies: the filing of new entries is serialised until the storing transaction ends (SQLite serialises
            // every write already)
            Sql.first(c, "SELECT pg_advisory_xact_lock(?)", rs -> 1, FILING_LOCK);
        }
        // a new copy may match several posts (one by link, another by content): it joins them all into one
        Set<Long> matched = match(c, feedId, k);
        long postId = entryId;
        for (long post : matched) {
            Candidate first = Sql.first(
                            c,
                            "SELECT entry_id, published_at FROM entry_posts WHERE post_id = ?"
                                    + " ORDER BY published_at, entry_id LIMIT 1",
                            rs -> new Candidate(rs.getLong(1), rs.getLong(2)),
                            post)
                    .orElseThrow();
            if (postId == entryId ? first.publishedAt() <= publishedAt : earlier(c, first, postId)) {
                postId = first.postId();
            }
        }
        for (long post : matched) {
            if (post != postId) {
                Sql.update(c, "UPDATE entry_posts SET post_id = ? WHERE post_id = ?", postId, post);
            }
        }
        Long sim = k.simHash();
        Sql.update(
                c,
                "INSERT INTO entry_posts (entry_id, post_id, feed_id, published_at, link_key, id_key, source_key,"
                        + " simhash, band0, band1, band2, band3) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                entryId,
                postId,
                feedId,
                publishedAt,
                k.link(),
                k.id(),
                k.source(),
                sim,
                sim == null ? null : PostKeys.band(sim, 0),
                sim == null ? null : PostKeys.band(sim, 1),
                sim == null ? null : PostKeys.band(sim, 2),
                sim == null ? null : PostKeys.band(sim, 3));
    }

    private record Candidate(long postId, long publishedAt) {}

    /** Whether {@code c} was published before the shown copy {@code postId}. */
    private static boolean earlier(Connection c, Candidate cand, long postId) throws SQLException {
        long shown = Sql.first(
                        c, "SELECT published_at FROM entry_posts WHERE entry_id = ?", rs -> rs.getLong(1), postId)
                .orElse(Long.MAX_VALUE);
        return cand.publishedAt() < shown || cand.publishedAt() == shown && cand.postId() < postId;
    }

    /** The posts of the copies in other feeds that share a key with {@code k}. */
    private static Set<Long> match(Connection c, long feedId, Keys k) throws SQLException {
        Set<Long> posts = new LinkedHashSet<>();
        for (String[] key : new String[][] {
            {"link_key", k.link()},
            {"id_key", k.link()},
            {"link_key", k.id()},
            {"id_key", k.id()},
            {"source_key", k.source()}
        }) {
            if (key[1] != null) {
                posts.addAll(Sql.list(
                        c,
                        "SELECT DISTINCT post_id FROM entry_posts WHERE " + key[0] + " = ? AND feed_id <> ?",
                        rs -> rs.getLong(1),
                        key[1],
                        feedId));
            }
        }
        if (k.simHash() == null) {
            return posts;
        }
        long sim = k.simHash();
        // fingerprints within MAX_DISTANCE bits (nearly always) share one of the four bands: the index finds the few
        // candidates, the exact distance decides
        List<long[]> candidates = Sql.list(
                c,
                "SELECT post_id, simhash FROM entry_posts WHERE feed_id <> ? AND (band0 = ? OR band1 = ? OR band2 = ?"
                        + " OR band3 = ?)",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                feedId,
                PostKeys.band(sim, 0),
                PostKeys.band(sim, 1),
                PostKeys.band(sim, 2),
                PostKeys.band(sim, 3));
        for (long[] cand : candidates) {
            if (PostKeys.distance(sim, cand[1]) <= PostKeys.MAX_DISTANCE) {
                posts.add(cand[0]);
            }
        }
        return posts;
    }

    /** The other feeds' copies of each shown entry among {@code entryIds}, earliest first. */
    public Map<Long, List<PostCopy>> copies(Collection<Long> entryIds) {
        Map<Long, List<PostCopy>> out = new LinkedHashMap<>();
        if (entryIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", Collections.nCopies(entryIds.size(), "?"));
        db.withConnection(c -> {
            for (Object[] row : Sql.list(
                    c,
                    "SELECT p.post_id, e.id, e.feed_id, COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url), e.link"
                            + " FROM entry_posts p JOIN entries e ON e.id = p.entry_id JOIN feeds f ON f.id = e.feed_id"
                            + " WHERE p.post_id IN (" + marks + ") AND p.entry_id <> p.post_id"
                            + " ORDER BY p.published_at, p.entry_id",
                    rs -> new Object[] {
                        rs.getLong(1), new PostCopy(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5))
                    },
                    entryIds.toArray())) {
                out.computeIfAbsent((Long) row[0], x -> new ArrayList<>()).add((PostCopy) row[1]);
            }
            return null;
        });
        return out;
    }

    /**
     * The posts with more than one copy, the most recently published first, at most {@code limit}: what
     * administrators review to split a wrong merge.
     */
    public List<PostGroup> groups(int limit) {
        return db.withConnection(c -> {
            List<Long> posts = Sql.list(
                    c,
                    "SELECT post_id FROM entry_posts GROUP BY post_id HAVING COUNT(*) > 1"
                            + " ORDER BY MAX(published_at) DESC, post_id DESC LIMIT ?",
                    rs -> rs.getLong(1),
                    limit);
            List<PostGroup> out = new ArrayList<>();
            for (long post : posts) {
                out.add(new PostGroup(
                        post,
                        Sql.list(
                                c,
                                "SELECT e.id, e.feed_id, COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url),"
                                        + " e.title, e.link FROM entry_posts p JOIN entries e ON e.id = p.entry_id"
                                        + " JOIN feeds f ON f.id = e.feed_id WHERE p.post_id = ?"
                                        + " ORDER BY CASE WHEN p.entry_id = p.post_id THEN 0 ELSE 1 END,"
                                        + " p.published_at, p.entry_id",
                                rs -> new PostGroup.Copy(
                                        rs.getLong(1),
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        EntryLimits.webUrl(rs.getString(5))),
                                post)));
            }
            return out;
        });
    }

    /** The id of the post an entry belongs to: its shown copy's entry id (its own id when it stands alone). */
    public long postOf(long entryId) {
        return db.withConnection(c -> postOf(c, entryId));
    }

    private static long postOf(Connection c, long entryId) throws SQLException {
        return Sql.first(c, "SELECT post_id FROM entry_posts WHERE entry_id = ?", rs -> rs.getLong(1), entryId)
                .orElse(entryId);
    }

    /**
     * Takes an entry out of its post, to stand alone; the post's earliest remaining copy is shown in its place.
     *
     * @throws IllegalArgumentException naming the entry when there is no such entry or it stands alone already
     */
    public void split(long entryId, String actor) {
        db.inTransaction(c -> {
            ensureRow(c, entryId);
            long post = postOf(c, entryId);
            List<Long> group = members(c, post);
            if (group.size() < 2) {
                throw new IllegalArgumentException(
                        "entry " + entryId + " is not merged with any other entry; there is nothing to split");
            }
            Sql.update(c, "UPDATE entry_posts SET post_id = ? WHERE entry_id = ?", entryId, entryId);
            if (post == entryId) {
                List<Long> rest = group.stream().filter(id -> id != entryId).toList();
                long shown = rest.getFirst(); // members come earliest first
                Sql.update(
                        c,
                        "UPDATE entry_posts SET post_id = ? WHERE post_id = ? AND entry_id <> ?",
                        shown,
                        post,
                        entryId);
            }
            log(c, actor, "split", entryId, null);
            PlanetChangeTime.touch(c, clock.instant());
            return null;
        });
    }

    /**
     * Merges the posts of two entries into one, shown by the earliest of all their copies.
     *
     * @throws IllegalArgumentException naming the entry when one does not exist, or both are one post already
     */
    public void merge(long entryId, long otherId, String actor) {
        db.inTransaction(c -> {
            ensureRow(c, entryId);
            ensureRow(c, otherId);
            long a = postOf(c, entryId);
            long b = postOf(c, otherId);
            if (a == b) {
                throw new IllegalArgumentException(
                        "entries " + entryId + " and " + otherId + " are one post already; there is nothing to merge");
            }
            long first = Sql.first(
                            c,
                            "SELECT entry_id FROM entry_posts WHERE post_id IN (?, ?) ORDER BY published_at, entry_id"
                                    + " LIMIT 1",
                            rs -> rs.getLong(1),
                            a,
                            b)
                    .orElseThrow();
            Sql.update(c, "UPDATE entry_posts SET post_id = ? WHERE post_id IN (?, ?)", first, a, b);
            log(c, actor, "merge", entryId, otherId);
            PlanetChangeTime.touch(c, clock.instant());
            return null;
        });
    }

    /** The last changes administrators made, newest first: "at actor action entry [other]". */
    public List<String> log(int limit) {
        return db.withConnection(c -> Sql.list(
                c,
                "SELECT at, actor, action, entry_id, other_entry_id FROM entry_post_log ORDER BY id DESC LIMIT ?",
                rs -> Instant.ofEpochMilli(rs.getLong(1)) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getLong(4) + (rs.getObject(5) == null ? "" : " " + rs.getLong(5)),
                limit));
    }

    private void log(Connection c, String actor, String action, long entryId, Long other) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO entry_post_log (at, actor, action, entry_id, other_entry_id) VALUES (?,?,?,?,?)",
                clock.millis(),
                actor,
                action,
                entryId,
                other);
    }

    private static List<Long> members(Connection c, long post) throws SQLException {
        return Sql.list(
                c,
                "SELECT entry_id FROM entry_posts WHERE post_id = ? ORDER BY published_at, entry_id",
                rs -> rs.getLong(1),
                post);
    }

    /** Gives an entry stored before posts were kept a row of its own (no keys), so that it can be merged. */
    private static void ensureRow(Connection c, long entryId) throws SQLException {
        Optional<long[]> e = Sql.first(
                c,
                "SELECT feed_id, published_at FROM entries WHERE id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                entryId);
        if (e.isEmpty()) {
            throw new IllegalArgumentException(
                    "there is no entry " + entryId + "; an entry's id is in its page's address, /entries/ID");
        }
        if (Sql.first(c, "SELECT 1 FROM entry_posts WHERE entry_id = ?", rs -> 1, entryId)
                .isEmpty()) {
            Sql.update(
                    c,
                    "INSERT INTO entry_posts (entry_id, post_id, feed_id, published_at) VALUES (?,?,?,?)",
                    entryId,
                    entryId,
                    e.get()[0],
                    e.get()[1]);
        }
    }
}
