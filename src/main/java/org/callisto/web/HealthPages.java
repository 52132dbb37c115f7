package org.callisto.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.callisto.db.DatabaseCheck;

/**
 * The endpoints a service manager, a load balancer or a monitor polls: {@code /healthz} says the process is alive
 * and touches nothing else; {@code /readyz} says whether the site can serve, which needs the database to answer
 * within {@link #DATABASE_LIMIT} with every migration applied, and answers 503 with the reason and
 * {@code Retry-After} otherwise. Both are plain text, never cached and cheap. Thread-safe.
 */
final class HealthPages {
    /** The longest {@code /readyz} waits for the database. */
    static final Duration DATABASE_LIMIT = Duration.ofSeconds(1);

    private final DatabaseCheck database;

    HealthPages(DatabaseCheck database) {
        this.database = database;
    }

    void live(Context ctx) {
        plain(ctx, 200, "ok\n");
    }

    void ready(Context ctx) {
        Optional<String> problem = database.problem(DATABASE_LIMIT);
        if (problem.isPresent()) {
            ctx.header("Retry-After", "5");
            plain(ctx, 503, "not ready: " + problem.get() + "\n");
        } else {
            plain(ctx, 200, "ready\n");
        }
    }

    private static void plain(Context ctx, int status, String text) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(text);
    }
}
