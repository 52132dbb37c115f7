package org.callisto.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
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
        ShutdownSignal shutdown = ShutdownSignal.register();
        try (PlanetRuntime planet = PlanetRuntime.open(config);
             WebServer web = WebServer.start(config, planet.store());
             RefreshScheduler scheduler = new RefreshScheduler(planet.store(), planet.round(), Clock.systemUTC(),
                     Duration.ofSeconds(30)).start()) {
            System.out.println("Callisto is serving " + config.siteTitle() + " on http://localhost:" + web.port() + "/");
            shutdown.await();
        } finally {
            shutdown.closed();
        }
        return 0;
    }
}
