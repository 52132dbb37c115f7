package org.callisto.app;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.callisto.planet.Feed;
import org.callisto.planet.RefreshOutcome;
import org.callisto.planet.RefreshRound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code callisto fetch}: one refresh round now, with a progress bar and a summary. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Fetch feeds once now (by default every enabled feed), with a progress bar and a summary.")
final class FetchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--due", description = "Fetch only the feeds whose next fetch time has come.")
    boolean dueOnly;

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        try (Callisto callisto = options.open()) {
            List<Feed> feeds = dueOnly
                    ? RefreshRound.due(
                            callisto.subscriptions(), callisto.clock().instant())
                    : callisto.subscriptions().feeds().stream()
                            .filter(f -> !f.disabled())
                            .toList();
            if (feeds.isEmpty()) {
                System.out.println("no feeds to fetch; add one with: callisto feeds add URL");
                return 0;
            }
            Progress progress = new Progress(System.err, feeds.size(), quiet || System.console() == null);
            // --due claims each feed as serve's scheduler does, so a node running serve never fetches it at once too
            RefreshRound.Summary summary = dueOnly
                    ? callisto.round().runClaimed(callisto.leases(), progress::update)
                    : callisto.round().run(feeds, progress::update);
            progress.finish();
            System.out.println(summary);
            return 0;
        }
    }

    /** A one-line progress bar on a terminal, one line per failure otherwise. Thread-safe. */
    static final class Progress {
        private final PrintStream out;
        private final int total;
        private final boolean plain;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger added = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Progress(PrintStream out, int total, boolean plain) {
            this.out = out;
            this.total = total;
            this.plain = plain;
        }

        synchronized void update(RefreshOutcome o) {
            int n = done.incrementAndGet();
            added.addAndGet(o.added());
            boolean bad = o.kind() == RefreshOutcome.Kind.ERROR
                    || o.kind() == RefreshOutcome.Kind.GONE
                    || o.kind() == RefreshOutcome.Kind.RETRY_LATER;
            if (bad) {
                failed.incrementAndGet();
            }
            if (plain) {
                if (bad) {
                    out.println("  " + o.kind() + " " + o.url() + ": " + o.message());
                }
                return;
            }
            int width = 30;
            int filled = (int) ((long) n * width / total);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " feeds, "
                    + added.get() + " new entries, " + failed.get() + " failed ");
            if (bad) {
                out.print(
                        "\r" + " ".repeat(width + 60) + "\r  " + o.kind() + " " + o.url() + ": " + o.message() + "\n");
            }
            out.flush();
        }

        void finish() {
            if (!plain) {
                out.println();
            }
        }
    }
}
