package org.callisto.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.callisto.show.EpisodeDownloads;
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

    @Override
    public void run() {
        if (days < 1 || days > 36_500) {
            throw new CommandFailure("--days " + days + " is out of range; give a number of days from 1 to 36500");
        }
        List<EpisodeDownloads> rows;
        try (Callisto callisto = options.open()) {
            LocalDate today = LocalDate.ofInstant(callisto.clock().instant(), ZoneOffset.UTC);
            rows = callisto.show().downloads().downloads(today.minusDays(days - 1L));
        }
        PrintWriter out = spec.commandLine().getOut();
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
