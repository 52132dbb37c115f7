package org.callisto.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.callisto.planet.Category;
import org.callisto.planet.Feed;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.RefreshScheduler;
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
@Command(name = "demo", mixinStandardHelpOptions = true,
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
            System.out.println("Callisto demo is running on http://localhost:" + demo.web().port() + "/  (data in "
                    + demo.config().dataDir() + "; Ctrl-C stops it)");
            System.out.println(demo.editorLine());
            shutdown.await();
        } finally {
            shutdown.closed();
        }
        return 0;
    }

    /** A running demo: site, demo feeds, scheduler and the journal's demo editor. Tests start one too. */
    record Demo(Config config, PlanetRuntime planet, WebServer web, RefreshScheduler scheduler,
                RefreshRound.Summary firstRound, DemoJournal.Result journal) implements AutoCloseable {

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
            PlanetRuntime planet = PlanetRuntime.open(config);
            AtomicReference<DemoFeeds> feeds = new AtomicReference<>();
            WebServer web;
            try {
                web = WebServer.start(config, planet.database(), routes -> routes.get(FEEDS_PATH + "{name}", ctx -> {
                    DemoFeeds current = feeds.get();
                    Optional<Map.Entry<String, String>> doc = current == null ? Optional.empty()
                            : current.render(ctx.pathParam("name"));
                    if (doc.isEmpty()) {
                        ctx.status(404).result("no demo feed named " + ctx.pathParam("name"));
                        return;
                    }
                    ctx.contentType(doc.get().getKey()).result(doc.get().getValue());
                }));
            } catch (RuntimeException e) {
                planet.close();
                throw new CommandFailure("cannot listen on port " + config.port() + ": " + e.getMessage()
                        + "; is another program using it? Pass --port with a free port (0 picks one)");
            }
            String base = "http://127.0.0.1:" + web.port() + FEEDS_PATH;
            DemoFeeds demoFeeds = new DemoFeeds(Instant.now(), base);
            feeds.set(demoFeeds);
            for (Feed old : planet.subscriptions().feeds()) {
                if (old.url().matches("http://127\\.0\\.0\\.1:\\d+" + FEEDS_PATH + ".*") && !old.url().startsWith(base)) {
                    planet.subscriptions().removeFeed(old.id()); // a demo run on another port left these behind
                }
            }
            for (DemoFeeds.Subscription s : demoFeeds.subscriptions()) {
                planet.subscriptions().addFeed(s.url(), s.name(), s.categories());
            }
            RefreshRound.Summary summary = planet.round().run(
                    planet.subscriptions().feeds().stream().filter(f -> !f.disabled()).toList(), o -> { });
            System.out.println("demo: " + summary);
            List<Episode> episodes = DemoShow.create(planet.show(), planet.renditions(), config.show().mediaDir(),
                    "http://127.0.0.1:" + web.port() + "/", planet.entries().river(0, 20), Instant.now());
            System.out.println("demo: the show has " + episodes.size() + " episodes at /episodes");
            DemoJournal.Result journal;
            try {
                journal = DemoJournal.create(planet.database(), config,
                        () -> planet.categories().categories().stream().map(Category::name).toList());
            } catch (AccountRefusal e) {
                web.close();
                planet.close();
                throw new CommandFailure("demo: " + e.getMessage());
            }
            DemoFeedback.create(planet.database(), planet.show(), planet.entries(),
                    "http://127.0.0.1:" + web.port() + "/", episodes.getLast());
            System.out.println("demo: the journal is at /journal; " + DemoJournal.MEMBERS.size()
                    + " demo members and the demo editor can log in while the demo runs");
            RefreshScheduler scheduler = new RefreshScheduler(planet.subscriptions(), planet.round(),
                    Clock.systemUTC(), Duration.ofSeconds(30)).start();
            return new Demo(config, planet, web, scheduler, summary, journal);
        }

        @Override
        public void close() {
            scheduler.close();
            web.close();
            planet.close();
        }
    }
}
