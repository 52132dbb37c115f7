package org.callisto.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.callisto.search.SearchHit;
import org.callisto.search.SearchOrder;
import org.callisto.search.SearchRefusal;
import org.callisto.search.SearchRequest;
import org.callisto.search.SearchResults;
import org.callisto.search.SearchService;
import org.callisto.search.Snippets;
import org.callisto.syndication.AtomWriter;
import org.callisto.syndication.FeedInfo;
import org.callisto.syndication.Item;
import org.callisto.web.view.SearchPage;

/**
 * The search: {@code /search} (the form and a page of results with highlighted snippets), {@code /search/atom.xml}
 * (any search as an Atom feed, newest first) and {@code /opensearch.xml} (the description that lets browsers offer
 * the site's search). A search that cannot run (no word, an unknown category, a bad date) is answered with the form
 * and the reason, status 400, never an error page. Thread-safe.
 */
final class SearchPages {
    static final String OPENSEARCH_TYPE = "application/opensearchdescription+xml; charset=utf-8";
    private static final int FEED_SIZE = 30;

    private final Site site;
    private final SearchService search;
    private final AtomWriter atom = new AtomWriter();
    private final HubLinks hubLinks;

    SearchPages(Site site, SearchService search, HubLinks hubLinks) {
        this.hubLinks = hubLinks;
        this.site = site;
        this.search = search;
    }

    /** {@code /search?q=...&part=...&category=...&feed=...&from=...&to=...&order=...&page=N}. */
    void page(Context ctx) {
        String q = param(ctx, "q");
        Set<String> parts = new TreeSet<>();
        for (String p : ctx.queryParams("part")) {
            parts.addAll(SearchRequest.parts(p));
        }
        String category = param(ctx, "category");
        String feed = param(ctx, "feed");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        String order = param(ctx, "order");
        List<SearchPage.Hit> hits = List.of();
        String error = null;
        String note = null;
        boolean searched = !q.isBlank();
        int page = 1;
        boolean hasNext = false;
        if (searched) {
            try {
                SearchRequest request = request(ctx, q, parts, category, feed, from, to, order);
                page = request.page();
                SearchResults results = search.search(request);
                hits = results.hits().stream().map(SearchPages::view).toList();
                note = results.note();
                hasNext = results.hasNext();
            } catch (SearchRefusal e) {
                error = e.getMessage();
                ctx.status(400);
            }
        }
        String query = query(q, parts, category, feed, from, to, order);
        SearchPage view = new SearchPage(
                site.meta(ctx, searched ? "Search: " + shorten(q) : "Search"),
                q,
                List.copyOf(parts),
                category,
                feed,
                from,
                to,
                order.isBlank() ? "newest" : order,
                feeds(),
                hits,
                error,
                note,
                searched,
                "/search/atom.xml?" + query,
                page,
                page > 1 ? "/search?" + query + "&page=" + (page - 1) : null,
                hasNext ? "/search?" + query + "&page=" + (page + 1) : null);
        Responses.personal(ctx, site.render("search.jte", view));
    }

    /** {@code /search/atom.xml?q=...}: the newest results of a search, with the same filters as the page. */
    void atom(Context ctx) {
        String q = param(ctx, "q");
        Set<String> parts = new TreeSet<>();
        for (String p : ctx.queryParams("part")) {
            parts.addAll(SearchRequest.parts(p));
        }
        SearchResults results;
        try {
            results = search.search(request(
                    ctx,
                    q,
                    parts,
                    param(ctx, "category"),
                    param(ctx, "feed"),
                    param(ctx, "from"),
                    param(ctx, "to"),
                    "newest"));
        } catch (SearchRefusal e) {
            throw PageException.badRequest(e.getMessage());
        }
        String self = "/search/atom.xml?"
                + query(q, parts, param(ctx, "category"), param(ctx, "feed"), param(ctx, "from"), param(ctx, "to"), "");
        List<Item> items = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (SearchHit h :
                results.hits().subList(0, Math.min(FEED_SIZE, results.hits().size()))) {
            String link = site.absolute(h.path());
            items.add(new Item(
                    link,
                    true,
                    (h.kind().equals("comment") ? "Comment on " : "") + h.title(),
                    link,
                    h.author(),
                    "<p>" + escape(Snippets.plain(h.snippet())) + "</p>",
                    null,
                    List.of(h.part()),
                    h.published(),
                    null,
                    h.source(),
                    null,
                    null,
                    null,
                    -1));
            if (h.published().isAfter(updated)) {
                updated = h.published();
            }
        }
        FeedInfo info = new FeedInfo(
                site.absolute(self),
                site.title() + " – search: " + shorten(q),
                "What " + site.title() + " holds that matches “" + shorten(q) + "”, newest first",
                site.absolute("/search?" + query(q, parts, "", "", "", "", "")),
                site.absolute(self),
                updated);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(Rendered.ATOM);
        Responses.whole(ctx, hubLinks.withHub(atom.write(info, items).getBytes(StandardCharsets.UTF_8)), ctx.path());
    }

    /** {@code /opensearch.xml}: the OpenSearch 1.1 description of the site's search. */
    void openSearch(Context ctx) {
        String title = site.title();
        String shortName = title.length() > 16 ? title.substring(0, 16) : title;
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
                + "<ShortName>" + escape(shortName) + "</ShortName>\n"
                + "<Description>Search " + escape(title) + ": planet, journal and show</Description>\n"
                + "<InputEncoding>UTF-8</InputEncoding>\n"
                + "<Url type=\"text/html\" method=\"get\" template=\""
                + escape(site.absolute("/search?q={searchTerms}")) + "\"/>\n"
                + "<Url type=\"application/atom+xml\" template=\""
                + escape(site.absolute("/search/atom.xml?q={searchTerms}")) + "\"/>\n"
                + "</OpenSearchDescription>\n";
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(OPENSEARCH_TYPE);
        Responses.whole(ctx, xml.getBytes(StandardCharsets.UTF_8), ctx.path());
    }

    private SearchRequest request(
            Context ctx,
            String q,
            Set<String> parts,
            String category,
            String feed,
            String from,
            String to,
            String order) {
        Long feedId = null;
        if (!feed.isBlank()) {
            if (!feed.matches("[0-9]{1,18}")) {
                throw new SearchRefusal("There is no feed \"" + shorten(feed) + "\": pick one from the list, or any.");
            }
            feedId = Long.parseLong(feed);
        }
        String pageParam = param(ctx, "page");
        int page = 1;
        if (!pageParam.isBlank()) {
            if (!pageParam.matches("[0-9]{1,4}")) {
                throw new SearchRefusal("There is no page \"" + shorten(pageParam) + "\": pages are numbered from 1.");
            }
            page = Integer.parseInt(pageParam);
        }
        Instant start = date(from, "from", 0);
        Instant end = date(to, "to", 1); // the end date is included: up to the start of the next day
        return new SearchRequest(q, parts, category, feedId, start, end, SearchOrder.of(order), page);
    }

    /** A {@code yyyy-mm-dd} date as the start of that day (plus {@code days}) in UTC, or null when blank. */
    private static Instant date(String value, String name, int days) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value)
                    .plusDays(days)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new SearchRefusal("The " + name + " date \"" + shorten(value)
                    + "\" is not a date: write it as yyyy-mm-dd, e.g. 2026-01-31.");
        }
    }

    private List<SearchPage.Option> feeds() {
        return site.subscriptions().feeds().stream()
                .map(f -> new SearchPage.Option(Long.toString(f.id()), f.displayName()))
                .toList();
    }

    private static SearchPage.Hit view(SearchHit h) {
        String byline = switch (h.kind()) {
            case "entry" -> h.source() != null ? h.source() : "Planet";
            case "story" -> "Journal story" + (h.author() != null ? " by " + h.author() : "");
            case "comment" -> "Comment" + (h.author() != null ? " by " + h.author() : "");
            default -> "Episode";
        };
        String title = h.kind().equals("comment") ? "Comment on “" + h.title() + "”" : h.title();
        return new SearchPage.Hit(
                h.kind(),
                h.path(),
                title.isBlank() ? "(untitled)" : title,
                byline,
                Format.human(h.published()),
                Format.iso(h.published()),
                h.snippet());
    }

    /** The query string of a search, without its page. */
    private static String query(
            String q, Set<String> parts, String category, String feed, String from, String to, String order) {
        StringBuilder b = new StringBuilder("q=").append(enc(q));
        for (String p : parts) {
            b.append("&part=").append(enc(p));
        }
        append(b, "category", category);
        append(b, "feed", feed);
        append(b, "from", from);
        append(b, "to", to);
        append(b, "order", order);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append('&').append(name).append('=').append(enc(value));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    /** Text escaped for XML and HTML, quotes included. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
