package org.callisto.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every request into the timer {@code http.server.requests}, tagged with the method, the route template that
 * answered (Javalin's matched path such as {@code /stories/{id}}, never the raw path, so the number of series stays
 * bounded whatever clients ask for; {@code UNMATCHED} when no route matched) and the status, with a latency
 * histogram. Registered as a before/after pair in {@link Routes#register}.
 *
 * <p>Thread-safe.
 */
final class HttpMetrics {
    private static final String STARTED = "callisto.metrics.started";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void stop(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        timer(registry, ctx.method().name(), route(ctx), ctx.statusCode())
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The timer of one method, route and status ({@link CachedPageHandler} records its answers in it too). */
    static Timer timer(MeterRegistry registry, String method, String route, int status) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry);
    }

    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "UNMATCHED" : endpoint.path;
        } catch (RuntimeException e) { // no endpoint matched
            return "UNMATCHED";
        }
    }
}
