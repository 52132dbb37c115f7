package org.callisto.app;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.graphite.GraphiteConfig;
import io.micrometer.graphite.GraphiteMeterRegistry;
import io.micrometer.graphite.GraphiteProtocol;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.callisto.config.Config;

/**
 * The process's one meter registry, made by the composition root: a composite of a Prometheus registry (scraped at
 * {@code /metrics}) and, when {@code metrics.graphite.host} is set, a Graphite registry that pushes the same meters
 * in carbon's plaintext protocol every {@code metrics.graphite.step}; with the JVM's binders (memory, GC, threads,
 * class loading, processor, uptime). Passed explicitly to whatever records; the global registry is never used.
 *
 * <p>Thread-safe (Micrometer's registries are). {@link #close()} pushes a last time to Graphite and stops it.
 *
 * @param registry   where meters are registered and recorded
 * @param prometheus the Prometheus member, for the text format
 * @param gc         the garbage collection binder, which holds listeners until closed
 */
record MeterRegistries(CompositeMeterRegistry registry, PrometheusMeterRegistry prometheus, JvmGcMetrics gc)
        implements AutoCloseable {

    static MeterRegistries of(Config.MetricsConfig config) {
        CompositeMeterRegistry registry = new CompositeMeterRegistry();
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.add(prometheus);
        if (config.graphite()) {
            registry.add(new GraphiteMeterRegistry(graphite(config), io.micrometer.core.instrument.Clock.SYSTEM));
        }
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new MeterRegistries(registry, prometheus, gc);
    }

    /** Every meter in the Prometheus text format. */
    String scrape() {
        return prometheus.scrape();
    }

    private static GraphiteConfig graphite(Config.MetricsConfig config) {
        return new GraphiteConfig() {
            @Override
            public String get(String key) {
                return null; // every value comes from the methods below
            }

            @Override
            public String host() {
                return config.graphiteHost();
            }

            @Override
            public int port() {
                return config.graphitePort();
            }

            @Override
            public GraphiteProtocol protocol() {
                return GraphiteProtocol.PLAINTEXT;
            }

            @Override
            public Duration step() {
                return config.graphiteStep();
            }
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.getRegistries().forEach(r -> r.close());
        registry.close();
    }
}
