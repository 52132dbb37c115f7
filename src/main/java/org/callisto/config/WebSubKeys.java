package org.callisto.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code websub.*} keys for {@link ConfigLoader}: their defaults, read and checked. Stateless. */
final class WebSubKeys {
    private WebSubKeys() {}

    /** Puts every {@code websub.*} key with its default value. */
    static void defaults(Map<String, String> d) {
        d.put("websub.enabled", "false");
        d.put("websub.hub", "true");
        d.put("websub.lease", "10d");
        d.put("websub.max_lease", "30d");
        d.put("websub.poll_interval_factor", "4");
        d.put("websub.retries", "5");
        d.put("websub.retry_delay", "30s");
        d.put("websub.concurrency", "8");
        d.put("websub.check_interval", "10s");
    }

    static Config.WebSubConfig read(ConfigLoader.Parser p, Map<String, String> v, List<String> errors) {
        Config.WebSubConfig d = Config.WebSubConfig.DEFAULTS;
        Duration lease = ConfigLoader.positiveOr(p.durationIn("websub.lease", "1m", "365d"), d.lease());
        Duration maxLease = ConfigLoader.positiveOr(p.durationIn("websub.max_lease", "1m", "365d"), d.maxLease());
        if (lease.compareTo(maxLease) > 0) {
            errors.add("websub.lease (" + v.get("websub.lease").trim() + ") is longer than websub.max_lease ("
                    + v.get("websub.max_lease").trim() + "); make the lease the shorter one");
        }
        return new Config.WebSubConfig(
                p.bool("websub.enabled"),
                p.bool("websub.hub"),
                lease,
                maxLease,
                factor(v.get("websub.poll_interval_factor").trim(), errors),
                Math.clamp(p.intIn("websub.retries", 0, 20), 0, 20),
                ConfigLoader.positiveOr(p.durationIn("websub.retry_delay", "10ms", "1d"), d.retryDelay()),
                Math.clamp(p.intIn("websub.concurrency", 1, 256), 1, 256),
                ConfigLoader.positiveOr(p.durationIn("websub.check_interval", "10ms", "1h"), d.checkInterval()));
    }

    private static double factor(String s, List<String> errors) {
        try {
            double f = Double.parseDouble(s);
            if (f >= 1 && f <= 100) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("websub.poll_interval_factor = '" + s + "' is not a number from 1 to 100; use e.g. 4 to poll a"
                + " feed whose updates are pushed four times less often");
        return Config.WebSubConfig.DEFAULTS.pollIntervalFactor();
    }
}
