package org.callisto.web;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.callisto.show.media.DownloadCounter;
import org.callisto.show.media.MediaInfo;

/**
 * A Javalin server on 127.0.0.1 and a free port serving registered media files at {@code /media/{name}} through
 * {@link MediaResponses}, as the show's routes will.
 */
final class MediaServer implements AutoCloseable {

    final DownloadCounter counter = new DownloadCounter(Clock.systemUTC(), (day, create) -> new byte[32]);
    /** Where the media responses record the bytes they send. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final MediaResponses downloads = new MediaResponses(counter, meters);
    /** Exceptions that escaped the handler: there should be none, whatever clients do. */
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    /** Requests whose handler has returned or thrown. */
    final AtomicInteger finished = new AtomicInteger();

    private final Map<String, MediaInfo> files = new ConcurrentHashMap<>();
    private final Javalin app;

    MediaServer() {
        Handler serve = ctx -> {
            try {
                MediaInfo media = files.get(ctx.pathParam("name"));
                if (media == null) {
                    ctx.status(404).result("no such media file\n");
                    return;
                }
                downloads.serve(ctx, media);
            } catch (Exception | Error e) {
                failures.add(e);
                throw e;
            } finally {
                finished.incrementAndGet();
            }
        };
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.routes.get("/media/{name}", serve);
            cfg.routes.head("/media/{name}", serve);
        });
        app.start("127.0.0.1", 0);
    }

    MediaServer add(MediaInfo media) {
        files.put(media.path().getFileName().toString(), media);
        return this;
    }

    URI uri(String name) {
        return URI.create("http://127.0.0.1:" + app.port() + "/media/" + name);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
