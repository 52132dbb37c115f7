package org.callisto.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.Dialect;
import org.callisto.db.Sql;

/**
 * Answers searches over the whole site on either database: SQLite through its FTS5 table ({@code MATCH}, {@code
 * bm25}, {@code snippet}), PostgreSQL through the tsvector column ({@code websearch_to_tsquery}, {@code ts_rank},
 * {@code ts_headline}). Both read the query through {@link SearchTerms}, so the same words find the same documents,
 * and no input reaches either database's query syntax unquoted.
 *
 * <p>Only what readers may see is found: published stories, comments neither deleted nor hidden, and nothing
 * published after now (a story or an episode scheduled for later is found from its time). Thread-safe: every
 * search borrows its own connection.
 */
public final class SearchService {
    /** Title matches weigh this many times a body match in the SQLite ranking (PostgreSQL: weights A and B). */
    private static final double TITLE_WEIGHT = 5.0;

    /** Options of {@code ts_headline}, which marks the matched words with the same markers as SQLite's snippet. */
    private static final String HEADLINE_OPTIONS = "StartSel=" + Snippets.START + ", StopSel=" + Snippets.END
            + ", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    private final Database db;
    private final Clock clock;

    public SearchService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Runs a search.
     *
     * @throws SearchRefusal when the query has no word to look for or names a category that does not exist
     */
    public SearchResults search(SearchRequest request) {
        SearchTerms terms = SearchTerms.parse(request.query());
        if (request.category() != null && !categoryExists(request.category())) {
            throw new SearchRefusal("There is no category \"" + SearchOrder.shorten(request.category())
                    + "\": pick one of the categories listed at the foot of every page, or none.");
        }
        int offset = (request.page() - 1) * SearchRequest.PAGE_SIZE;
        int limit = SearchRequest.PAGE_SIZE + 1;
        List<SearchHit> hits = db.dialect() == Dialect.SQLITE
                ? sqlite(terms, request, limit, offset)
                : postgres(terms, request, limit, offset);
        boolean hasNext = hits.size() > SearchRequest.PAGE_SIZE;
        return new SearchResults(request, terms, hasNext ? hits.subList(0, SearchRequest.PAGE_SIZE) : hits, hasNext);
    }

    private boolean categoryExists(String slug) {
        return db.withConnection(c -> Sql.first(c, "SELECT 1 FROM categories WHERE slug = ?", rs -> true, slug)
                .isPresent());
    }

    private List<SearchHit> sqlite(SearchTerms terms, SearchRequest r, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        params.add(String.valueOf(Snippets.START));
        params.add(String.valueOf(Snippets.END));
        params.add(terms.fts5());
        params.add(terms.fts5());
        String where = filters(r, params);
        String order = r.order() == SearchOrder.BEST
                ? "bm25(search_fts, " + TITLE_WEIGHT + ", 1.0), d.published_at DESC"
                : "d.published_at DESC, d.id DESC";
        params.add(limit);
        params.add(offset);
        // the inner query orders and cuts without snippets; snippets are made for the page's rows only
        String sql = "SELECT d.kind, d.part, d.path, CASE WHEN d.kind = 'comment' THEN COALESCE(s.title, '')"
                + " ELSE d.title END, d.author, COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url),"
                + " d.published_at, snippet(search_fts, 1, ?, ?, '…', 24)"
                + " FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid"
                + " LEFT JOIN feeds f ON f.id = d.feed_id LEFT JOIN stories s ON s.id = d.story_id"
                + " WHERE search_fts MATCH ? AND d.id IN (SELECT d.id FROM search_fts"
                + " JOIN search_documents d ON d.id = search_fts.rowid WHERE search_fts MATCH ?" + where
                + " ORDER BY " + order + " LIMIT ? OFFSET ?) ORDER BY " + order;
        return db.withConnection(c -> Sql.list(c, sql, SearchService::hit, params.toArray()));
    }

    private List<SearchHit> postgres(SearchTerms terms, SearchRequest r, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        params.add(HEADLINE_OPTIONS);
        params.add(terms.websearch());
        String where = filters(r, params);
        String order = r.order() == SearchOrder.BEST
                ? "ts_rank(d.tsv, q) DESC, d.published_at DESC"
                : "d.published_at DESC, d.id DESC";
        params.add(limit);
        params.add(offset);
        // the headline is made for the page's rows only, after the inner query has ordered and cut
        String sql = "SELECT d.kind, d.part, d.path, CASE WHEN d.kind = 'comment' THEN COALESCE(s.title, '')"
                + " ELSE d.title END, d.author, COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url),"
                + " d.published_at, ts_headline('english', d.body, m.q, ?)"
                + " FROM (SELECT d.id, q FROM search_documents d, websearch_to_tsquery('english', ?) q"
                + " WHERE d.tsv @@ q" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) m"
                + " JOIN search_documents d ON d.id = m.id"
                + " LEFT JOIN feeds f ON f.id = d.feed_id LEFT JOIN stories s ON s.id = d.story_id";
        String ordered = sql + " ORDER BY " + order.replace("ts_rank(d.tsv, q)", "ts_rank(d.tsv, m.q)");
        return db.withConnection(c -> Sql.list(c, ordered, SearchService::hit, params.toArray()));
    }

    /** The filters common to both databases, as {@code AND ...} clauses; their parameters are added to params. */
    private String filters(SearchRequest r, List<Object> params) {
        StringBuilder w = new StringBuilder(" AND d.visible = 1 AND d.published_at <= ?");
        params.add(clock.instant());
        if (!r.parts().isEmpty() && r.parts().size() < SearchRequest.PARTS.size()) {
            w.append(" AND d.part IN (")
                    .append(String.join(
                            ", ", java.util.Collections.nCopies(r.parts().size(), "?")))
                    .append(")");
            params.addAll(r.parts().stream().sorted().toList());
        }
        if (r.feedId() != null) {
            w.append(" AND d.feed_id = ?");
            params.add(r.feedId());
        }
        if (r.category() != null) {
            w.append(" AND d.kind = 'entry' AND d.ref_id IN (SELECT ec.entry_id FROM entry_categories ec"
                    + " JOIN categories cat ON cat.id = ec.category_id WHERE cat.slug = ?)");
            params.add(r.category());
        }
        if (r.from() != null) {
            w.append(" AND d.published_at >= ?");
            params.add(r.from());
        }
        if (r.until() != null) {
            w.append(" AND d.published_at < ?");
            params.add(r.until());
        }
        return w.toString();
    }

    private static SearchHit hit(ResultSet rs) throws SQLException {
        return new SearchHit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Sql.instant(rs, 7),
                Snippets.segments(rs.getString(8)));
    }
}
