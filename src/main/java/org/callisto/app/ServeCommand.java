package org.callisto.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.callisto.config.Config;
import org.callisto.planet.RefreshScheduler;
import org.callisto.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code callisto serve}: the site, with the feed scheduler running inside. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the site and refresh feeds on their schedules until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Mixin
    PortOption port;

    @Override
    public Integer call() throws InterruptedException {
        Config config = options.config(port.flags());
        try (PlanetRuntime planet = PlanetRuntime.open(config);
             WebServer web = WebServer.start(config, planet.store());
             RefreshScheduler scheduler = new RefreshScheduler(planet.store(), planet.round(), Clock.systemUTC(),
                     Duration.ofSeconds(30)).start()) {
            System.out.println("Callisto is serving " + config.siteTitle() + " on http://localhost:" + web.port() + "/");
            awaitShutdown();
        }
        return 0;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then returns so resources close in order. */
    static void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                main.join(10_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
        }));
        stop.await();
    }
}
