package org.callisto.planet.fetch;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.callisto.config.Config;
import org.callisto.config.ConfigLoader;

/** Configurations and fetchers for tests: loopback allowed and short timeouts, unless overridden. */
final class TestFetchers {

    private TestFetchers() {}

    /** A config with loopback allowed, 2 s connect, 3 s read and 5 s total timeouts, plus {@code overrides}. */
    static Config config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("fetch.allow_loopback", "true");
        values.put("fetch.connect_timeout", "2s");
        values.put("fetch.read_timeout", "3s");
        values.put("fetch.total_timeout", "5s");
        values.put("site.url", "https://planet.example.org/");
        values.putAll(overrides);
        return ConfigLoader.of(values);
    }

    static FeedFetcher fetcher(Map<String, String> overrides) {
        return new FeedFetcher(config(overrides), Clock.systemUTC());
    }

    static FeedFetcher fetcher() {
        return fetcher(Map.of());
    }
}
