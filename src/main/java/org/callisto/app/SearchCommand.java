package org.callisto.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.callisto.search.SearchHit;
import org.callisto.search.SearchOrder;
import org.callisto.search.SearchRefusal;
import org.callisto.search.SearchRequest;
import org.callisto.search.SearchResults;
import org.callisto.search.Snippets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code callisto search QUERY [--json]}: the site's search from the command line, with the same words, filters
 * and order as {@code /search}. Matched words are shown {@code [like this]}, or in the JSON as segments. Not
 * thread-safe: picocli makes one instance per command line.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Search planet entries, journal stories and comments, and episodes.")
final class SearchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words, \"phrases\", -excluded, OR.")
    List<String> query;

    @Option(names = "--part", description = "planet, journal or show (repeatable); all when absent.")
    List<String> parts = List.of();

    @Option(names = "--order", description = "newest (the default) or best.")
    String order = "newest";

    @Option(names = "--page", description = "The page of results, from 1 (20 a page).")
    int page = 1;

    @Option(names = "--json", description = "Print a JSON object instead of lines.")
    boolean json;

    /** The JSON shape of the output. */
    record Output(String query, int page, boolean hasNext, String note, List<Hit> hits) {}

    /** One result in the JSON output; {@code published} in ISO 8601. */
    record Hit(
            String kind,
            String part,
            String path,
            String title,
            String author,
            String source,
            String published,
            List<Snippets.Segment> snippet) {
        static Hit of(SearchHit h) {
            return new Hit(
                    h.kind(),
                    h.part(),
                    h.path(),
                    h.title(),
                    h.author(),
                    h.source(),
                    h.published().toString(),
                    h.snippet());
        }
    }

    @Override
    public void run() {
        SearchResults results;
        try (Callisto callisto = options.open()) {
            results = callisto.search()
                    .search(new SearchRequest(
                            String.join(" ", query),
                            SearchRequest.parts(String.join(",", parts)),
                            null,
                            null,
                            null,
                            null,
                            SearchOrder.of(order),
                            page));
        } catch (SearchRefusal e) {
            throw new CommandFailure(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(new Output(
                                results.terms().normalized(),
                                page,
                                results.hasNext(),
                                results.note(),
                                results.hits().stream().map(Hit::of).toList())));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            if (results.note() != null) {
                out.println(results.note());
            }
            if (results.hits().isEmpty()) {
                out.println("Nothing matches " + results.terms().normalized() + ".");
            }
            for (SearchHit h : results.hits()) {
                out.printf(
                        "%s  %-7s  %s%n    %s%n    %s%n",
                        h.published().toString().substring(0, 10),
                        h.part(),
                        (h.kind().equals("comment") ? "Comment on " : "") + h.title(),
                        h.path(),
                        Snippets.plain(h.snippet()));
            }
            if (results.hasNext()) {
                out.println("More: --page " + (page + 1));
            }
        }
        out.flush();
    }
}
