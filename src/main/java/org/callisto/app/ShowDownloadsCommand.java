package org.callisto.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.callisto.show.DownloadStore;
import org.callisto.show.EpisodeDownloads;
import org.callisto.show.RenditionKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto show downloads}: the stored download counts per episode and rendition, in all and over the last
 * days (30 by default), for editors; see {@code docs/show-media.md} for what counts as a download. A running server
 * stores its counts every 10 seconds, so the last few seconds may be missing. Not thread-safe: picocli makes one
 * instance per command line.
 */
@Command(
        name = "downloads",
        mixinStandardHelpOptions = true,
        description = "Show the download counts of each episode's renditions: in all and over the last days.")
final class ShowDownloadsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "30",
            description = "The recent period, in days up to today (UTC); default ${DEFAULT-VALUE}.")
    int days;

    @Option(
            names = "--json",
            description = "Print JSON for scripts: per rendition (total and recent), per day and per app over the"
                    + " recent days.")
    boolean json;

    /** The JSON document of {@code --json}. */
    record Report(
            String since,
            String until,
            int days,
            List<EpisodeDownloads> renditions,
            List<DownloadStore.DayCount> perDay,
            List<DownloadStore.AppCount> perApp) {}

    @Override
    public void run() {
        if (days < 1 || days > 36_500) {
            throw new CommandFailure("--days " + days + " is out of range; give a number of days from 1 to 36500");
        }
        List<EpisodeDownloads> rows;
        Report report;
        try (Callisto callisto = options.open()) {
            LocalDate today = LocalDate.ofInstant(callisto.clock().instant(), ZoneOffset.UTC);
            LocalDate since = today.minusDays(days - 1L);
            DownloadStore store = callisto.show().downloads();
            rows = store.downloads(since);
            report = json
                    ? new Report(
                            since.toString(),
                            today.toString(),
                            days,
                            rows,
                            store.perDay(since, today, Optional.empty()),
                            store.perApp(since, today, Optional.empty()))
                    : null;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            try {
                out.println(new ObjectMapper()
                        .registerModule(new SimpleModule()
                                .addSerializer(RenditionKind.class, new ToStringSerializer(RenditionKind.class) {
                                    @Override
                                    public void serialize(
                                            Object value,
                                            com.fasterxml.jackson.core.JsonGenerator gen,
                                            com.fasterxml.jackson.databind.SerializerProvider provider)
                                            throws java.io.IOException {
                                        gen.writeString(((RenditionKind) value).value());
                                    }
                                })
                                .addSerializer(LocalDate.class, new ToStringSerializer(LocalDate.class)))
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        if (rows.isEmpty()) {
            out.println("No renditions yet: add media to episodes first.");
            out.flush();
            return;
        }
        String recent = "last " + days + (days == 1 ? " day" : " days");
        out.printf("%7s  %-10s %10s %14s  %s%n", "episode", "rendition", "total", recent, "title");
        long total = 0;
        long lately = 0;
        for (EpisodeDownloads r : rows) {
            out.printf("%7d  %-10s %10d %14d  %s%n", r.number(), r.kind().value(), r.total(), r.recent(), r.title());
            total += r.total();
            lately += r.recent();
        }
        out.printf("%7s  %-10s %10d %14d%n", "all", "", total, lately);
        out.flush();
    }
}
