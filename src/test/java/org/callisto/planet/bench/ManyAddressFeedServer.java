package org.callisto.planet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The refresh benchmark's feed server: one Jetty server with one connector per loopback address
 * (127.0.0.2 to 127.0.0.{hosts + 1}, all on the same port), sharing one thread pool. Linux routes all of 127/8 to
 * the loopback interface, so these addresses bind without any setup.
 *
 * <p>Answers {@code /feed/{i}.xml} as {@link FixtureFeeds} says, after the feed's delay of 50 to 300 ms. Delays
 * are timers, not sleeping threads, so thousands of requests can wait at once. Every answer ends within
 * {@link FixtureFeeds#SLOW_MILLIS} plus the delay.
 *
 * <p>Run as its own process by {@link RefreshBenchmark}, so that the benchmark's memory figures are those of the
 * refreshing process alone: {@code ManyAddressFeedServer <feeds> <hosts> <maxLifetimeSeconds>}. It prints
 * {@code PORT <n>} once listening, and stops when its standard input closes or its lifetime is over, whichever
 * comes first.
 */
public final class ManyAddressFeedServer implements AutoCloseable {

    private final Server server;
    private final ScheduledExecutorService timers;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicIntegerArray inFlightPerHost;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger maxPerHost = new AtomicInteger();
    private final AtomicLong maxLateMillis = new AtomicLong();
    private final AtomicLong lateOverOneSecond = new AtomicLong();
    private final int hosts;
    private volatile FixtureFeeds feeds;
    private final int port;

    private ManyAddressFeedServer(int count, int hosts) throws Exception {
        this.hosts = hosts;
        this.inFlightPerHost = new AtomicIntegerArray(hosts);
        QueuedThreadPool pool = new QueuedThreadPool(hosts + 200, 16);
        pool.setName("fixture");
        pool.setDaemon(true);
        server = new Server(pool);
        timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "fixture-timer");
            t.setDaemon(true);
            return t;
        });
        ServerConnector first = connector("127.0.0.2", 0);
        server.addConnector(first);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return serve(request, response, callback);
            }
        });
        server.start();
        port = first.getLocalPort();
        feeds = new FixtureFeeds(count, hosts, port, FixtureFeeds.corpora());
        for (int h = 1; h < hosts; h++) {
            ServerConnector c = connector("127.0.0." + (2 + h), port);
            server.addConnector(c);
            c.start();
        }
    }

    /** Starts listening on {@code hosts} loopback addresses. */
    static ManyAddressFeedServer start(int count, int hosts) throws Exception {
        if (hosts < 1 || hosts > 250) {
            throw new IllegalArgumentException("hosts = " + hosts + " must be 1 to 250 (127.0.0.2 to 127.0.0.251)");
        }
        return new ManyAddressFeedServer(count, hosts);
    }

    private ServerConnector connector(String host, int port) {
        // No acceptor threads (the selector accepts) and one selector: 200 connectors cost 200 threads, not 600.
        ServerConnector c = new ServerConnector(server, 0, 1);
        c.setHost(host);
        c.setPort(port);
        c.setAcceptQueueSize(256);
        c.setIdleTimeout(30_000);
        return c;
    }

    int port() {
        return port;
    }

    long requests() {
        return requests.get();
    }

    /**
     * Requests served; the most requests in flight at once, overall and on any one address; and how late the delay
     * timers fired (a loaded machine makes the fixture itself slow): all since the last call, then reset.
     */
    String statsAndReset() {
        return "requests=" + requests.get() + " maxInFlight=" + maxInFlight.getAndSet(inFlight.get())
                + " maxPerAddress=" + maxPerHost.getAndSet(0) + " maxTimerLateMs=" + maxLateMillis.getAndSet(0)
                + " answersLateOver1s=" + lateOverOneSecond.getAndSet(0);
    }

    private boolean serve(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if ("/stats".equals(path)) {
            byte[] body = statsAndReset().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
        requests.incrementAndGet();
        int i = feedNumber(path);
        if (i >= 0 && i < feeds.count()) {
            callback = counted(i % hosts, callback);
        }
        return answerLater(i, request, response, callback);
    }

    /** Counts the request as in flight on its address until its answer is written or fails. */
    private Callback counted(int host, Callback callback) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        maxPerHost.accumulateAndGet(inFlightPerHost.incrementAndGet(host), Math::max);
        return new Callback() {
            @Override
            public void succeeded() {
                leave();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                leave();
                callback.failed(x);
            }

            private void leave() {
                inFlight.decrementAndGet();
                inFlightPerHost.decrementAndGet(host);
            }
        };
    }

    private boolean answerLater(int i, Request request, Response response, Callback callback) {
        if (i < 0 || i >= feeds.count()) {
            response.setStatus(404);
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            return true;
        }
        String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        String ims = request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE);
        boolean conditional = inm != null || ims != null;
        FixtureFeeds.Behaviour b = conditional ? FixtureFeeds.behaviour(i) : null;
        long delay = FixtureFeeds.delayMillis(i) + (b == FixtureFeeds.Behaviour.SLOW ? FixtureFeeds.SLOW_MILLIS : 0);
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        timers.schedule(
                () -> {
                    long late = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due);
                    maxLateMillis.accumulateAndGet(late, Math::max);
                    if (late > 1000) {
                        lateOverOneSecond.incrementAndGet();
                    }
                    answer(i, b, inm, ims, request, response, callback);
                },
                delay,
                TimeUnit.MILLISECONDS);
        return true;
    }

    private void answer(
            int i,
            FixtureFeeds.Behaviour b,
            String inm,
            String ims,
            Request request,
            Response response,
            Callback callback) {
        try {
            if (b == null) {
                sendFeed(i, 1, response, callback);
                return;
            }
            switch (b) {
                case NOT_MODIFIED, SLOW -> {
                    int current = 1;
                    boolean matches = FixtureFeeds.lastModifiedOnly(i)
                            ? FixtureFeeds.lastModified(i, current).equals(ims)
                            : FixtureFeeds.etag(i, current).equals(inm);
                    if (matches) {
                        response.setStatus(304);
                        validators(i, current, response);
                        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
                    } else {
                        sendFeed(i, current, response, callback);
                    }
                }
                case CHANGED -> {
                    boolean matches = FixtureFeeds.lastModifiedOnly(i)
                            ? FixtureFeeds.lastModified(i, 2).equals(ims)
                            : FixtureFeeds.etag(i, 2).equals(inm);
                    if (matches) {
                        response.setStatus(304);
                        validators(i, 2, response);
                        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
                    } else {
                        sendFeed(i, 2, response, callback);
                    }
                }
                case NOT_FOUND -> error(404, null, response, callback);
                case SERVER_ERROR -> error(500, null, response, callback);
                case UNAVAILABLE -> error(503, "3600", response, callback);
                case CLOSED -> {
                    request.getConnectionMetaData()
                            .getConnection()
                            .getEndPoint()
                            .close();
                    callback.failed(new IOException("fixture: connection closed on purpose"));
                }
            }
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    private void sendFeed(int i, int version, Response response, Callback callback) {
        byte[] body = feeds.body(i, version);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, feeds.contentType(i));
        validators(i, version, response);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void validators(int i, int version, Response response) {
        if (!FixtureFeeds.lastModifiedOnly(i)) {
            response.getHeaders().put(HttpHeader.ETAG, FixtureFeeds.etag(i, version));
        }
        response.getHeaders().put(HttpHeader.LAST_MODIFIED, FixtureFeeds.lastModified(i, version));
    }

    private static void error(int status, String retryAfter, Response response, Callback callback) {
        byte[] body = ("<html><body><h1>" + status + "</h1></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
        if (retryAfter != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** {@code /feed/123.xml} to 123, anything else to -1. */
    static int feedNumber(String path) {
        if (path == null || !path.startsWith("/feed/") || !path.endsWith(".xml")) {
            return -1;
        }
        try {
            return Integer.parseInt(path.substring(6, path.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping frees sockets and threads; the process is about to end anyway
        }
        timers.shutdownNow();
    }

    /** {@code <feeds> <hosts> <maxLifetimeSeconds>}: serves until standard input closes or the lifetime ends. */
    public static void main(String[] args) throws Exception {
        // Closing connections on purpose makes Jetty warn once per feed; those warnings are the fixture working.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.eclipse.jetty"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        int count = Integer.parseInt(args[0]);
        int hosts = Integer.parseInt(args[1]);
        Duration lifetime = Duration.ofSeconds(Long.parseLong(args[2]));
        ManyAddressFeedServer s = start(count, hosts);
        Thread killer = new Thread(
                () -> {
                    try {
                        Thread.sleep(lifetime);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("fixture server: lifetime of " + lifetime.toSeconds() + " s over, stopping");
                    Runtime.getRuntime().halt(0);
                },
                "fixture-lifetime");
        killer.setDaemon(true);
        killer.start();
        System.out.println("PORT " + s.port() + " REAL " + String.join(",", s.feeds.realFileNames()));
        System.out.flush();
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // the parent never writes; end of input means it is done or gone
            }
        }
        System.err.println("fixture server: " + s.requests() + " requests served, stopping");
        s.close();
        System.exit(0);
    }
}
