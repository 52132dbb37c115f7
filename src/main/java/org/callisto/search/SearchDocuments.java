package org.callisto.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callisto.db.Sql;
import org.callisto.html.HtmlText;

/**
 * Writes the search index: one row of {@code search_documents} per planet entry, story, comment and episode. Every
 * method takes the connection of the caller's transaction, so a document is indexed, changed or hidden in the same
 * transaction as the write it follows, and a failed write leaves no document behind. The database's own index
 * (FTS5 triggers on SQLite, a generated tsvector on PostgreSQL) follows the row.
 *
 * <p>Text is indexed as plain text: HTML is reduced to what a reader sees, cut at {@link #MAX_BODY} characters, and
 * the two private-use characters that mark highlights in snippets are removed, so that nothing a feed or a member
 * writes can forge a highlight. Stateless and thread-safe.
 */
public final class SearchDocuments {
    /** The longest body indexed, in characters: long enough for any article, short of PostgreSQL's tsvector limit. */
    public static final int MAX_BODY = 100_000;

    private static final String UPSERT = "INSERT INTO search_documents (kind, ref_id, part, feed_id, story_id,"
            + " episode_id, path, title, body, author, published_at, visible) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (kind, ref_id) DO UPDATE SET part = excluded.part, feed_id = excluded.feed_id,"
            + " story_id = excluded.story_id, episode_id = excluded.episode_id, path = excluded.path,"
            + " title = excluded.title, body = excluded.body, author = excluded.author,"
            + " published_at = excluded.published_at, visible = excluded.visible";

    private SearchDocuments() {}

    /** Indexes a planet entry as stored, from its HTML (the content, else the summary). */
    public static void entry(
            Connection c,
            long entryId,
            long feedId,
            String title,
            String author,
            String summaryHtml,
            String contentHtml,
            long publishedAt)
            throws SQLException {
        String html = contentHtml != null && !contentHtml.isBlank() ? contentHtml : summaryHtml;
        upsert(
                c,
                "entry",
                entryId,
                "planet",
                feedId,
                null,
                null,
                "/entries/" + entryId,
                title,
                HtmlText.toPlainText(html),
                author,
                publishedAt,
                true);
    }

    /**
     * Indexes a story as it now stands in {@code stories}: found only once published (a pending or rejected story
     * is kept hidden), from its title, department, topics, introduction and body.
     */
    public static void story(Connection c, long storyId) throws SQLException {
        var doc = Sql.first(
                c,
                "SELECT s.title, s.dept, s.topics, s.intro_html, s.body_html, u.username, s.status,"
                        + " s.published_at, s.submitted_at FROM stories s JOIN users u ON u.id = s.author_id"
                        + " WHERE s.id = ?",
                rs -> {
                    String text = String.join(
                            " ",
                            nz(rs.getString(2)),
                            nz(rs.getString(3)).replace('\n', ' '),
                            HtmlText.toPlainText(rs.getString(4)),
                            HtmlText.toPlainText(rs.getString(5)));
                    Long at = Sql.longOrNull(rs, 8);
                    boolean visible = "published".equals(rs.getString(7)) && at != null;
                    return new Doc(rs.getString(1), text, rs.getString(6), visible, at != null ? at : rs.getLong(9));
                },
                storyId);
        if (doc.isPresent()) {
            Doc d = doc.get();
            upsert(
                    c,
                    "story",
                    storyId,
                    "journal",
                    null,
                    storyId,
                    null,
                    "/stories/" + storyId,
                    d.title(),
                    d.body(),
                    d.author(),
                    d.at(),
                    d.visible());
        }
    }

    /**
     * Indexes a comment as it now stands: hidden when deleted or hidden by a moderator. Its title is left empty;
     * results show the story's title.
     */
    public static void comment(Connection c, long commentId) throws SQLException {
        var row = Sql.first(
                c,
                "SELECT cm.story_id, cm.html, u.username, cm.created_at, cm.deleted, cm.hidden FROM comments cm"
                        + " JOIN users u ON u.id = cm.author_id WHERE cm.id = ?",
                rs -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getInt(5) == 0 && rs.getInt(6) == 0
                },
                commentId);
        if (row.isPresent()) {
            Object[] r = row.get();
            long storyId = (Long) r[0];
            upsert(
                    c,
                    "comment",
                    commentId,
                    "journal",
                    null,
                    storyId,
                    null,
                    "/stories/" + storyId + "#comment-" + commentId,
                    "",
                    HtmlText.toPlainText((String) r[1]),
                    (String) r[2],
                    (Long) r[3],
                    (Boolean) r[4]);
        }
    }

    /**
     * Indexes every episode whose text changed: title, summary, the headings, titles and summaries of its show
     * notes and its guests. Called by every write of the show; a show has hundreds of episodes at most, and only
     * the changed ones are written.
     */
    public static void episodes(Connection c) throws SQLException {
        Map<Long, StringBuilder> notes = new HashMap<>();
        for (Object[] r : Sql.list(
                c,
                "SELECT s.episode_id, s.heading, i.title, i.summary FROM sections s LEFT JOIN items i"
                        + " ON i.section_id = s.id ORDER BY s.episode_id, s.position, i.position",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})) {
            StringBuilder b = notes.computeIfAbsent((Long) r[0], k -> new StringBuilder());
            String heading = (String) r[1];
            if (b.indexOf(heading) < 0) {
                b.append(heading).append(' ');
            }
            b.append(nz((String) r[2])).append(' ').append(nz((String) r[3])).append(' ');
        }
        for (Object[] r : Sql.list(c, "SELECT episode_id, name FROM guests ORDER BY episode_id, position", rs ->
                new Object[] {rs.getLong(1), rs.getString(2)})) {
            notes.computeIfAbsent((Long) r[0], k -> new StringBuilder())
                    .append(r[1])
                    .append(' ');
        }
        Map<Long, String[]> indexed = new HashMap<>();
        for (String[] r : Sql.list(
                c, "SELECT ref_id, title, body, published_at FROM search_documents WHERE kind = 'episode'", rs ->
                        new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})) {
            indexed.put(Long.parseLong(r[0]), r);
        }
        List<Object[]> episodes = Sql.list(c, "SELECT id, number, title, summary, published_at FROM episodes", rs ->
                new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5)});
        for (Object[] e : episodes) {
            long id = (Long) e[0];
            String title = clean((String) e[2], 2_000);
            String body = clean(
                    HtmlText.toPlainText(nz((String) e[3])) + " "
                            + notes.getOrDefault(id, new StringBuilder())
                                    .toString()
                                    .strip(),
                    MAX_BODY);
            String[] known = indexed.get(id);
            if (known != null
                    && known[1].equals(title)
                    && known[2].equals(body)
                    && known[3].equals(Long.toString((Long) e[4]))) {
                continue;
            }
            upsert(c, "episode", id, "show", null, null, id, "/episodes/" + e[1], title, body, null, (Long) e[4], true);
        }
    }

    /** Writes one document. */
    static void upsert(
            Connection c,
            String kind,
            long refId,
            String part,
            Long feedId,
            Long storyId,
            Long episodeId,
            String path,
            String title,
            String body,
            String author,
            long publishedAt,
            boolean visible)
            throws SQLException {
        Sql.update(
                c,
                UPSERT,
                kind,
                refId,
                part,
                feedId,
                storyId,
                episodeId,
                path,
                clean(title, 2_000),
                clean(body, MAX_BODY),
                author == null ? null : clean(author, 500),
                publishedAt,
                visible ? 1 : 0);
    }

    /** Text without the highlight markers, cut at {@code max} characters (not inside a surrogate pair). */
    static String clean(String text, int max) {
        String t = nz(text);
        if (t.indexOf(Snippets.START) >= 0 || t.indexOf(Snippets.END) >= 0) {
            t = t.replace(String.valueOf(Snippets.START), "").replace(String.valueOf(Snippets.END), "");
        }
        if (t.length() > max) {
            int cut = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
            t = t.substring(0, cut);
        }
        return t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private record Doc(String title, String body, String author, boolean visible, long at) {}
}
