package org.callisto.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.callisto.app.demo.DemoFeeds;
import org.callisto.config.Config;
import org.callisto.planet.RefreshRound;
import org.callisto.planet.RefreshScheduler;
import org.callisto.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code callisto demo}: a populated planet with no setup and no internet. The demo serves its own sample blogs
 * under {@code /demo-feeds/}, subscribes to them over loopback and fetches them through the real pipeline.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Callisto with demo content (a fresh temporary data directory unless --data is given).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: a new temporary one).")
    Path dataDir;

    @Mixin
    PortOption port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("callisto-demo");
        Map<String, String> flags = new HashMap<>(port.flags());
        flags.putIfAbsent("server.port", "8080");
        flags.put("data.dir", data.toString());
        flags.put("fetch.allow_loopback", "true");
        flags.put("site.title", "Callisto Demo Planet");
        Config config = org.callisto.config.ConfigLoader.load(null, Map.of(), flags);
        try (PlanetRuntime planet = PlanetRuntime.open(config);
             WebServer web = WebServer.start(config, planet.store(), new DemoFeeds(Instant.now(), "")::render)) {
            String base = "http://127.0.0.1:" + web.port() + "/";
            DemoFeeds feeds = new DemoFeeds(Instant.now(), base + "demo-feeds/");
            for (DemoFeeds.Subscription s : feeds.subscriptions()) {
                planet.store().addFeed(s.url(), s.name(), s.categories());
            }
            RefreshRound.Summary summary = planet.round().run(RefreshRound.due(planet.store(), Instant.now()), o -> { });
            System.out.println("demo: " + summary);
            try (RefreshScheduler scheduler = new RefreshScheduler(planet.store(), planet.round(), Clock.systemUTC(),
                    Duration.ofSeconds(30)).start()) {
                System.out.println("Callisto demo is running on http://localhost:" + web.port() + "/  (data in "
                        + data + "; Ctrl-C stops it)");
                ServeCommand.awaitShutdown();
            }
        }
        return 0;
    }
}
