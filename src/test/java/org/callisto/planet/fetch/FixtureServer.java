package org.callisto.planet.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A small real HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests that fetch over a real socket.
 * Each path answers as its {@link Route} says: fixed bytes or a file from the shared corpora, a status, headers,
 * validators honoured with 304, gzip or deflate encoding, a delay, a redirect, or a generated (huge) or slow
 * (endless) body. Generated and slow bodies are never held in memory and stop as soon as the client goes away,
 * or at a fixed cap, so no test can hang on them. The server counts requests and concurrent requests per path
 * and keeps the headers of the last request to each path.
 *
 * <pre>{@code
 * try (FixtureServer server = FixtureServer.start()) {
 *     server.route("/feed.xml").corpusFile("rome/rss_2.0.xml").contentType("application/rss+xml").etag("\"v1\"");
 *     server.route("/old").redirect(301, "/feed.xml");
 *     URI url = server.url("/old");
 *     ...
 *     assertThat(server.requests("/feed.xml")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe: routes may be added while the server runs; counters are atomic. Unknown paths answer 404.
 * Starts in a few milliseconds; close it (try-with-resources) to free the port and stop every handler.
 */
public final class FixtureServer implements AutoCloseable {

    /** The longest a slow body keeps dribbling, whatever the client does. */
    public static final Duration SLOW_BODY_CAP = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger totalRequests = new AtomicInteger();
    private volatile boolean closed;

    private FixtureServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static FixtureServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FixtureServer fixture = new FixtureServer(http, executor);
            http.setExecutor(executor);
            http.createContext("/", fixture::handle);
            http.start();
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fixture server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * Starts an HTTPS server on 127.0.0.1 and a free port, with a self-signed certificate for {@code 127.0.0.1}
     * and {@code localhost} (made once per JVM with the JDK's keytool). Clients trust it through
     * {@link #trustStore()}; clients with default trust must refuse it.
     */
    public static FixtureServer startTls() {
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            https.setHttpsConfigurator(new HttpsConfigurator(SelfSigned.serverContext()));
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            FixtureServer fixture = new FixtureServer(https, executor);
            https.setExecutor(executor);
            https.createContext("/", fixture::handle);
            https.start();
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TLS fixture server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** A trust store holding the certificate of every {@link #startTls()} server. */
    public static KeyStore trustStore() {
        return SelfSigned.trustStore();
    }

    /**
     * TLS settings for a Jetty server presenting the same self-signed certificate as {@link #startTls()}, so a
     * client set up with {@link #trustStore()} trusts both.
     */
    public static SslContextFactory.Server jettyServerTls() {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(SelfSigned.keyStore());
        tls.setKeyStorePassword(new String(SelfSigned.PASSWORD));
        return tls;
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} (https for {@link #startTls()}) plus the path (which should start with '/'). */
    public URI url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + port() + path);
    }

    /** The route answering {@code path} (exact match, query ignored), created with a 200 and no body if new. */
    public Route route(String path) {
        return routes.computeIfAbsent(path, p -> new Route());
    }

    /**
     * Makes each path redirect to the next with {@code status}: {@code redirectChain(301, "/a", "/b", "/c")}
     * gives /a -> /b -> /c. The last path is left as it is, so route it to what the chain should end at.
     */
    public void redirectChain(int status, String... paths) {
        for (int i = 0; i + 1 < paths.length; i++) {
            route(paths[i]).redirect(status, paths[i + 1]);
        }
    }

    /** Requests received for {@code path} so far. */
    public int requests(String path) {
        AtomicInteger n = requestCounts.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests received for any path so far. */
    public int totalRequests() {
        return totalRequests.get();
    }

    /** The most requests that were being answered at the same moment, over all paths. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** A header of the last request to {@code path}, or null. */
    public String lastRequestHeader(String path, String name) {
        Headers h = lastHeaders.get(path);
        return h == null ? null : h.getFirst(name);
    }

    /** The directory of shared test corpora: system property {@code callisto.corpora}, else {@code ../shared/corpora}. */
    public static Path corpora() {
        String configured = System.getProperty("callisto.corpora");
        return Path.of(configured != null && !configured.isBlank() ? configured : "../shared/corpora");
    }

    /** Compresses bytes with gzip, e.g. to serve a hand-made compression bomb. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Compresses bytes with zlib-wrapped deflate (Content-Encoding: deflate as RFC 9110 defines it). */
    public static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
            d.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        totalRequests.incrementAndGet();
        requestCounts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        lastHeaders.put(path, exchange.getRequestHeaders());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
        // A request stops counting as concurrent when its answer starts: the client may finish reading and send
        // its next request before this thread has closed the exchange, and that must not look like overlap.
        Runnable answering = () -> {
            if (counted.getAndSet(false)) {
                inFlight.decrementAndGet();
            }
        };
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            Route route = routes.get(path);
            if (route == null) {
                byte[] body = ("no fixture at " + path + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            route.answer(exchange, this, answering);
        } catch (IOException e) {
            // the client went away (abort, timeout, body cap): exactly what several tests provoke
        } finally {
            answering.run();
        }
    }

    /**
     * How one path answers. Setters return the route for chaining; the last call of a kind wins.
     * Thread-safe enough for tests: configure before fetching, or accept that a request in flight sees either state.
     */
    public static final class Route {
        private volatile int status = 200;
        private volatile byte[] body = new byte[0];
        private final Map<String, String> headers = new LinkedHashMap<>();
        private volatile String etag;
        private volatile String lastModified;
        private volatile String encoding;
        private volatile Duration delay = Duration.ZERO;
        private volatile long generatedBytes = -1;
        private volatile boolean declareLength = true;
        private volatile Duration slowInterval;

        private Route() {}

        /** The status to answer with (default 200). */
        public Route status(int code) {
            this.status = code;
            return this;
        }

        /** The body bytes. */
        public Route body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        /** The body as UTF-8 text. */
        public Route body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The body read from a file under {@link #corpora()}, e.g. {@code "rome/rss_2.0.xml"}. */
        public Route corpusFile(String relativePath) {
            Path file = corpora().resolve(relativePath);
            try {
                return body(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read corpus file " + file.toAbsolutePath()
                                + "; set -Dcallisto.corpora to the corpora directory",
                        e);
            }
        }

        /** Sets a response header (replacing one of the same name). */
        public Route header(String name, String value) {
            synchronized (headers) {
                headers.put(name, value);
            }
            return this;
        }

        /** Sets Content-Type. */
        public Route contentType(String value) {
            return header("Content-Type", value);
        }

        /** Sends this ETag and answers 304 to a request whose If-None-Match contains it. */
        public Route etag(String value) {
            this.etag = value;
            return this;
        }

        /** Sends this Last-Modified and answers 304 to a request whose If-Modified-Since equals it. */
        public Route lastModified(String value) {
            this.lastModified = value;
            return this;
        }

        /** Compresses the body with gzip on the way out and says so in Content-Encoding. */
        public Route gzip() {
            this.encoding = "gzip";
            return this;
        }

        /** Compresses the body with zlib-wrapped deflate on the way out and says so in Content-Encoding. */
        public Route deflate() {
            this.encoding = "deflate";
            return this;
        }

        /** Waits this long before answering. */
        public Route delay(Duration wait) {
            this.delay = wait;
            return this;
        }

        /** Answers {@code code} (301, 302, 307, 308...) with Location set to {@code location} as given. */
        public Route redirect(int code, String location) {
            return status(code).header("Location", location);
        }

        /**
         * Streams {@code size} generated bytes ('x') instead of the body, never held in memory.
         *
         * @param declareLength whether to send Content-Length (false: chunked, so the client cannot know in advance)
         */
        public Route generated(long size, boolean declareLength) {
            this.generatedBytes = size;
            this.declareLength = declareLength;
            return this;
        }

        /** Sends headers, then one byte every {@code interval}, endlessly (up to {@link #SLOW_BODY_CAP}). */
        public Route slowBody(Duration interval) {
            this.slowInterval = interval;
            return this;
        }

        private void answer(HttpExchange exchange, FixtureServer server, Runnable answering) throws IOException {
            if (!delay.isZero()) {
                sleep(delay);
            }
            answering.run();
            Headers out = exchange.getResponseHeaders();
            synchronized (headers) {
                headers.forEach(out::set);
            }
            if (etag != null) {
                out.set("ETag", etag);
            }
            if (lastModified != null) {
                out.set("Last-Modified", lastModified);
            }
            if (status == 200 && notModified(exchange.getRequestHeaders())) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            OutputStream os = exchange.getResponseBody();
            if (slowInterval != null) {
                exchange.sendResponseHeaders(status, 0);
                long end = System.nanoTime() + SLOW_BODY_CAP.toNanos();
                while (!server.closed && System.nanoTime() < end) {
                    os.write('x');
                    os.flush();
                    sleep(slowInterval);
                }
                return;
            }
            if (generatedBytes >= 0) {
                exchange.sendResponseHeaders(status, declareLength ? generatedBytes : 0);
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                long left = generatedBytes;
                while (left > 0 && !server.closed) {
                    int n = (int) Math.min(chunk.length, left);
                    os.write(chunk, 0, n);
                    left -= n;
                }
                return;
            }
            byte[] bytes = body;
            if ("gzip".equals(encoding)) {
                bytes = FixtureServer.gzip(bytes);
                out.set("Content-Encoding", "gzip");
            } else if ("deflate".equals(encoding)) {
                bytes = FixtureServer.deflate(bytes);
                out.set("Content-Encoding", "deflate");
            }
            boolean noBody = status == 204 || status == 304 || bytes.length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
            if (!noBody) {
                os.write(bytes);
            }
        }

        private boolean notModified(Headers request) {
            String inm = request.getFirst("If-None-Match");
            if (etag != null && inm != null) {
                List<String> tags = new ArrayList<>();
                for (String t : inm.split(",")) {
                    tags.add(t.trim());
                }
                return tags.contains(etag) || tags.contains("*");
            }
            String ims = request.getFirst("If-Modified-Since");
            return lastModified != null && ims != null && ims.trim().equals(lastModified);
        }

        private static void sleep(Duration d) throws IOException {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("fixture server stopped", e);
            }
        }
    }

    /** The self-signed key pair shared by all TLS fixture servers of this JVM, made lazily with keytool. */
    private static final class SelfSigned {
        private static final char[] PASSWORD = "fixture".toCharArray();
        private static KeyStore keyStore;

        static synchronized KeyStore keyStore() {
            if (keyStore == null) {
                try {
                    Path dir = Files.createTempDirectory("callisto-fixture-tls");
                    Path file = dir.resolve("fixture.p12");
                    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
                    Process p = new ProcessBuilder(
                                    keytool.toString(),
                                    "-genkeypair",
                                    "-alias",
                                    "fixture",
                                    "-keyalg",
                                    "EC",
                                    "-groupname",
                                    "secp256r1",
                                    "-dname",
                                    "CN=localhost",
                                    "-ext",
                                    "SAN=ip:127.0.0.1,dns:localhost",
                                    "-validity",
                                    "2",
                                    "-storetype",
                                    "PKCS12",
                                    "-keystore",
                                    file.toString(),
                                    "-storepass",
                                    new String(PASSWORD))
                            .redirectErrorStream(true)
                            .start();
                    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                        p.destroyForcibly();
                        throw new IllegalStateException("keytool could not make the fixture certificate: " + output);
                    }
                    KeyStore ks = KeyStore.getInstance("PKCS12");
                    try (InputStream in = Files.newInputStream(file)) {
                        ks.load(in, PASSWORD);
                    }
                    Files.delete(file);
                    Files.delete(dir);
                    keyStore = ks;
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException("cannot make the fixture certificate: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while making the fixture certificate", e);
                }
            }
            return keyStore;
        }

        static SSLContext serverContext() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore(), PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS for the fixture server: " + e.getMessage(), e);
            }
        }

        static KeyStore trustStore() {
            try {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("fixture", keyStore().getCertificate("fixture"));
                return trust;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot build the fixture trust store: " + e.getMessage(), e);
            }
        }
    }
}
