package org.callisto.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.callisto.planet.Category;
import org.callisto.planet.Feed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto feeds list [--json]}: every subscription with its id, name, URL, categories, status and last
 * error, as a table for people or as a JSON array for scripts. Not thread-safe: picocli makes one instance per
 * command line.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the planet's feeds and their status.")
final class FeedsListCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    /** One feed as listed; also the JSON shape. */
    record Row(long id, String name, String url, List<String> categories, String status, String lastError) {
        static Row of(Feed f) {
            return new Row(
                    f.id(),
                    f.displayName(),
                    f.url(),
                    f.categories().stream().map(Category::name).toList(),
                    FeedsListCommand.status(f),
                    f.lastError());
        }
    }

    /** {@code disabled}, {@code new} (never fetched), {@code error} (last attempt failed) or {@code ok}. */
    static String status(Feed f) {
        if (f.disabled()) {
            return "disabled";
        }
        if (f.lastFetchAt() == null) {
            return "new";
        }
        return f.lastErrorKind() != null || f.lastError() != null ? "error" : "ok";
    }

    @Override
    public void run() {
        List<Row> rows = new ArrayList<>();
        try (Callisto callisto = options.open()) {
            for (Feed f : callisto.subscriptions().feeds()) {
                rows.add(Row.of(f));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else if (rows.isEmpty()) {
            out.println("No feeds yet; add one with 'callisto feeds add URL'.");
        } else {
            printTable(out, rows);
        }
        out.flush();
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        int idWidth = Math.max(
                2,
                rows.stream()
                        .mapToInt(r -> Long.toString(r.id()).length())
                        .max()
                        .orElse(2));
        int nameWidth = Math.min(
                30,
                Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4)));
        String format = "%" + idWidth + "s  %-8s  %-" + nameWidth + "s  %s%n";
        out.printf(format, "ID", "STATUS", "NAME", "URL [CATEGORIES]");
        for (Row r : rows) {
            String name = r.name().length() > nameWidth ? r.name().substring(0, nameWidth - 1) + "…" : r.name();
            String cats = r.categories().isEmpty() ? "" : " [" + String.join(", ", r.categories()) + "]";
            out.printf(format, r.id(), r.status(), name, r.url() + cats);
            if (r.lastError() != null) {
                out.printf("%" + idWidth + "s  %-8s  last error: %s%n", "", "", r.lastError());
            }
        }
        out.printf("%d feed%s%n", rows.size(), rows.size() == 1 ? "" : "s");
    }
}
