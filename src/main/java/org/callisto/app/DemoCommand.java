package org.callisto.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.callisto.account.AccountRefusal;
import org.callisto.app.demo.DemoFeedback;
import org.callisto.app.demo.DemoFeeds;
import org.callisto.app.demo.DemoJournal;
import org.callisto.app.demo.DemoShow;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;
import org.callisto.planet.Feed;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.SubscriptionStore;
import org.callisto.show.Episode;
import org.callisto.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto demo}: a populated planet with no setup and no internet. The demo serves its own sample blogs
 * under {@code /demo-feeds/}, subscribes to them over loopback and fetches them through the real pipeline, so
 * what a newcomer sees is exactly what the planet does with real feeds. It also makes a small podcast show
 * ({@link DemoShow}) with generated, silent media in {@code show.media_dir}, and a community journal
 * ({@link DemoJournal}) with published stories, a comment thread, a submission in the editor queue and a demo editor
 * whose password, new at each start, it prints. {@code callisto serve} disables the demo accounts.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run Callisto with demo content (in a new temporary data directory unless --data is given).")
final class DemoCommand implements Callable<Integer> {
    static final String FEEDS_PATH = "/demo-feeds/";

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: a new temporary one).")
    Path dataDir;

    @Mixin
    PortOption port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ShutdownSignal shutdown = ShutdownSignal.register();
        try (Demo demo = Demo.start(dataDir, port.flags())) {
            System.out.println("Callisto demo is running on http://localhost:"
                    + demo.web().port() + "/  (data in " + demo.config().dataDir() + "; Ctrl-C stops it)");
            System.out.println(demo.editorLine());
            shutdown.await();
        } finally {
            shutdown.closed();
        }
        return 0;
    }

    /** A running demo: the services with the site, demo feeds and scheduler started, and the demo editor. */
    record Demo(
            Config config,
            Callisto callisto,
            WebServer web,
            RefreshRound.Summary firstRound,
            DemoJournal.Result journal)
            implements AutoCloseable {

        /** The line that tells the demo editor's login. */
        String editorLine() {
            return "demo editor: " + journal.username() + " / " + journal.password() + " (log in at http://localhost:"
                    + web.port() + "/login)";
        }

        static Demo start(Path dataDir, Map<String, String> flags) throws IOException {
            Path data = dataDir != null ? dataDir : Files.createTempDirectory("callisto-demo");
            Map<String, String> all = new HashMap<>(Map.of("server.port", "8080"));
            all.putAll(flags);
            all.put("data.dir", data.toString());
            all.put("fetch.allow_loopback", "true");
            all.put("site.title", "Callisto Demo Planet");
            if (!all.containsKey("site.url") && !"0".equals(all.get("server.port"))) {
                all.put("site.url", "http://localhost:" + all.get("server.port") + "/");
            }
            Config config = ConfigLoader.load(null, Map.of(), all);
            Callisto callisto = Callisto.open(config);
            try {
                return start(config, callisto);
            } catch (RuntimeException e) {
                callisto.close();
                throw e;
            }
        }

        private static Demo start(Config config, Callisto callisto) {
            AtomicReference<DemoFeeds> feeds = new AtomicReference<>();
            WebServer web;
            try {
                web = callisto.startWeb(routes -> routes.get(FEEDS_PATH + "{name}", ctx -> {
                    DemoFeeds current = feeds.get();
                    Optional<Map.Entry<String, String>> doc =
                            current == null ? Optional.empty() : current.render(ctx.pathParam("name"));
                    if (doc.isEmpty()) {
                        ctx.status(404).result("no demo feed named " + ctx.pathParam("name"));
                        return;
                    }
                    ctx.contentType(doc.get().getKey()).result(doc.get().getValue());
                }));
            } catch (RuntimeException e) {
                throw new CommandFailure("cannot listen on port " + config.port() + ": " + e.getMessage()
                        + "; is another program using it? Pass --port with a free port (0 picks one)");
            }
            Instant now = callisto.clock().instant();
            String base = "http://127.0.0.1:" + web.port() + FEEDS_PATH;
            DemoFeeds demoFeeds = new DemoFeeds(now, base);
            feeds.set(demoFeeds);
            SubscriptionStore planet = callisto.subscriptions();
            for (Feed old : planet.feeds()) {
                if (old.url().matches("http://127\\.0\\.0\\.1:\\d+" + FEEDS_PATH + ".*")
                        && !old.url().startsWith(base)) {
                    planet.removeFeed(old.id()); // a demo run on another port left these behind
                }
            }
            for (DemoFeeds.Subscription s : demoFeeds.subscriptions()) {
                planet.addFeed(s.url(), s.name(), s.categories());
            }
            RefreshRound.Summary summary = callisto.round()
                    .run(planet.feeds().stream().filter(f -> !f.disabled()).toList(), o -> {});
            System.out.println("demo: " + summary);
            List<Episode> episodes = DemoShow.create(
                    callisto.show(),
                    callisto.renditions(),
                    config.show().mediaDir(),
                    "http://127.0.0.1:" + web.port() + "/",
                    callisto.entries().river(0, 20),
                    callisto.clock().instant());
            System.out.println("demo: the show has " + episodes.size() + " episodes at /episodes");
            DemoJournal.Result journal;
            try {
                journal = DemoJournal.create(
                        callisto.accounts(), callisto.submissions(), callisto.comments(), callisto.votes());
            } catch (AccountRefusal e) {
                throw new CommandFailure("demo: " + e.getMessage());
            }
            DemoFeedback.create(callisto.feedback(), callisto.show(), callisto.curation(), episodes.getLast());
            System.out.println("demo: the journal is at /journal; " + DemoJournal.MEMBERS.size()
                    + " demo members and the demo editor can log in while the demo runs");
            callisto.startScheduler();
            return new Demo(config, callisto, web, summary, journal);
        }

        @Override
        public void close() {
            callisto.close();
        }
    }
}
