package org.callisto.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.callisto.web.view.ErrorPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pages that say what was not found or what was wrong with a request. Thread-safe. */
final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final String ANSWERED = "callisto.error-page";
    /** The most of a refused request body read and dropped so that its sender still receives the 413. */
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    private final Site site;

    ErrorPages(Site site) {
        this.site = site;
    }

    void page(Context ctx, PageException e) {
        send(ctx, e.status(), e.getMessage());
    }

    /** Any other status left without a body, such as a path no route matches. */
    void status(Context ctx) {
        if (ctx.attribute(ANSWERED) != null) {
            return; // a handler already said what was not found
        }
        if (ctx.statusCode() == 404) {
            send(ctx, 404, "There is no page at " + Paging.shorten(ctx.path()) + ".");
        } else if (ctx.statusCode() == 413) {
            send(
                    ctx,
                    413,
                    "What was sent is larger than this site accepts; nothing was stored. Shorten it and"
                            + " send it again.");
        } else if (ctx.statusCode() == 405) {
            send(ctx, 405, "This address does not take " + ctx.method() + " requests.");
        }
    }

    /**
     * A known path asked with a method it does not take: 405 with {@code Allow} listing the methods it takes (HEAD
     * wherever GET is). {@code available} is Javalin's description of them: one value, the methods joined by
     * commas.
     */
    void methodNotAllowed(Context ctx, Map<String, String> available) {
        Set<String> allow = new TreeSet<>();
        for (String list : available.values()) {
            for (String m : list.split(",")) {
                if (!m.isBlank()) {
                    allow.add(m.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (allow.contains("GET")) {
            allow.add("HEAD");
        }
        String methods = String.join(", ", allow);
        ctx.header("Allow", methods);
        send(
                ctx,
                405,
                "This address does not take " + Paging.shorten(ctx.method().name()) + " requests; it takes "
                        + (methods.isEmpty() ? "none" : methods) + ".");
    }

    /** A refusal that escaped a form handler: 429 with Retry-After when waiting helps, else 400. */
    void refusal(Context ctx, String message, java.util.Optional<java.time.Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, retryAfter.get().toSeconds())));
            send(ctx, 429, capitalized(message) + ".");
        } else {
            send(ctx, 400, capitalized(message) + ".");
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A request refused as too large: what is left of its body is read and dropped first (at most
     * {@link #DRAIN_LIMIT}). Answering and closing while the client is still sending makes the kernel reset the
     * connection, and the client then loses the 413 and its explanation; nginx's lingering close does the same for
     * the same reason.
     */
    void tooLarge(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // the body was consumed or the connection is gone: nothing to drop
        }
        status(ctx);
    }

    /** The client left while its answer was being written: there is no one to answer, and nothing to report. */
    void clientGone(Context ctx, ClientGone e) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        LOG.debug("web: {} {}", ctx.method(), e.getMessage());
    }

    void failure(Context ctx, Exception e) {
        if (org.callisto.db.Database.isUnavailable(e)) {
            unavailable(ctx, e);
            return;
        }
        LOG.error("web: unable to answer {} {}", ctx.method(), Paging.shorten(ctx.path()), e);
        send(ctx, 500, "The page could not be made. The error has been logged.");
    }

    /** Seconds a client is asked to wait when the database is away. */
    static final int DATABASE_RETRY_AFTER = 30;

    /**
     * The database cannot be reached: 503 with {@code Retry-After}, and a page made without the database (the
     * ordinary error page lists the categories, which would wait for it again).
     */
    void unavailable(Context ctx, Exception e) {
        if (org.callisto.db.Database.isPoolBusy(e)) {
            busy(ctx, e);
            return;
        }
        LOG.warn(
                "web: the database is unavailable for {} {}: {}",
                ctx.method(),
                Paging.shorten(ctx.path()),
                e.getMessage());
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(503);
        ctx.res().setHeader("ETag", null);
        ctx.res().setHeader("Last-Modified", null);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Retry-After", Integer.toString(DATABASE_RETRY_AFTER));
        ctx.contentType(Rendered.HTML);
        ctx.result("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unavailable</title></head>"
                + "<body><h1>The site's database is unavailable</h1><p>This page needs the database, which is not"
                + " answering just now. The site recovers by itself when it is back: try again in a minute.</p>"
                + "</body></html>\n");
    }

    /** Seconds a client is asked to wait when every database connection stayed busy for the pool's wait. */
    static final int BUSY_RETRY_AFTER = 5;

    /**
     * Every connection of the pool stayed busy for {@code database.pool_wait}: 503 with a short {@code Retry-After},
     * at once, rather than a request that queues without end behind slow ones.
     */
    private void busy(Context ctx, Exception e) {
        LOG.warn(
                "web: no free database connection within database.pool_wait for {} {}: {}; if this persists, raise"
                        + " database.pool_size (and the server's max_connections) or find the slow queries",
                ctx.method(),
                Paging.shorten(ctx.path()),
                e.getMessage());
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(503);
        ctx.res().setHeader("ETag", null);
        ctx.res().setHeader("Last-Modified", null);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Retry-After", Integer.toString(BUSY_RETRY_AFTER));
        ctx.contentType(Rendered.HTML);
        ctx.result("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Busy</title></head>"
                + "<body><h1>The site is busy</h1><p>Every connection to the site's database is in use just now."
                + " Try again in a few seconds.</p></body></html>\n");
    }

    private void send(Context ctx, int status, String message) {
        String heading = switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Not allowed";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            default -> "Something went wrong";
        };
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status);
        ctx.res().setHeader("ETag", null); // validators describe pages, not errors
        ctx.res().setHeader("Last-Modified", null);
        ctx.header("Cache-Control", "no-store");
        String body;
        try {
            body = site.render("error.jte", new ErrorPage(site.meta(ctx, heading), status, heading, message))
                    .body();
        } catch (RuntimeException renderFailure) {
            LOG.error("web: unable to render an error page", renderFailure);
            body = "<!DOCTYPE html><html lang=\"en\"><title>" + heading + "</title><h1>" + heading + "</h1>";
        }
        ctx.contentType(Rendered.HTML);
        ctx.result(body);
    }
}
