package org.callisto.planet.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.callisto.planet.fetch.FetchResult.FetchError;
import org.callisto.planet.fetch.FetchResult.Outcome;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a Jetty server that offers HTTP/2 over TLS with ALPN: plain, conditional, compressed and
 * oversized answers all behave as over HTTP/1.1, and a server offering only http/1.1 is still fetched.
 */
class Http2Test {

    private static final String RSS = "<rss version=\"2.0\"><channel><title>h2</title></channel></rss>";
    private static final String ETAG = "\"h2-v1\"";
    private static final int CAP = 1 << 20;

    private static Server h2Server;
    private static FeedHandler h2Handler;
    private FeedFetcher fetcher;

    @BeforeAll
    static void startServer() throws Exception {
        h2Handler = new FeedHandler();
        h2Server = startJetty(true, h2Handler);
    }

    @AfterAll
    static void stopServer() throws Exception {
        h2Server.stop();
    }

    @BeforeEach
    void startFetcher() {
        fetcher = trustingFetcher();
    }

    @AfterEach
    void stopFetcher() {
        fetcher.close();
    }

    @Test
    void feedIsFetchedOverHttp2AndRevalidatedWith304() {
        URI url = url(h2Server, "/feed.xml");

        FetchResult first = fetcher.fetch(new FetchRequest(url, null, null));

        assertThat(first.outcome()).as(first.message()).isEqualTo(Outcome.OK);
        assertThat(first.status()).isEqualTo(200);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(first.etag()).isEqualTo(ETAG);
        assertThat(first.contentType()).startsWith("application/rss+xml");
        assertThat(h2Handler.protocol("/feed.xml")).isEqualTo(HttpVersion.HTTP_2);

        FetchResult second = fetcher.fetch(new FetchRequest(url, first.etag(), null));

        assertThat(second.outcome()).as(second.message()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(second.status()).isEqualTo(304);
        assertThat(second.body()).isNull();
        assertThat(second.etag()).isEqualTo(ETAG);
        assertThat(h2Handler.ifNoneMatch("/feed.xml")).isEqualTo(ETAG);
        assertThat(h2Handler.protocol("/feed.xml")).isEqualTo(HttpVersion.HTTP_2);
    }

    @Test
    void gzipBodyIsDecodedOverHttp2() {
        FetchResult r = fetcher.fetch(new FetchRequest(url(h2Server, "/gzip.xml"), null, null));

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(h2Handler.protocol("/gzip.xml")).isEqualTo(HttpVersion.HTTP_2);
        assertThat(h2Handler.acceptEncoding("/gzip.xml")).contains("gzip");
    }

    @Test
    void streamedBodyOverTheCapIsCutOffOverHttp2AndTheConnectionStaysUsable() {
        URI url = url(h2Server, "/streamed-huge.xml");

        FetchResult r = fetcher.fetch(new FetchRequest(url, null, null));

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error()).as(r.message()).isEqualTo(FetchError.TOO_LARGE);
        assertThat(r.message()).contains("1 MiB").contains(url.toString()).contains("fetch.max_body");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(h2Handler.protocol("/streamed-huge.xml")).isEqualTo(HttpVersion.HTTP_2);

        // Over HTTP/2 only the stream is reset; the next fetch from the same host must still work.
        FetchResult next = fetcher.fetch(new FetchRequest(url(h2Server, "/feed.xml"), null, null));
        assertThat(next.outcome()).as(next.message()).isEqualTo(Outcome.OK);
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    }

    @Test
    void declaredLengthOverTheCapIsRefusedOverHttp2() {
        URI url = url(h2Server, "/declared-huge.xml");

        FetchResult r = fetcher.fetch(new FetchRequest(url, null, null));

        assertThat(r.error()).as(r.message()).isEqualTo(FetchError.TOO_LARGE);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(h2Handler.protocol("/declared-huge.xml")).isEqualTo(HttpVersion.HTTP_2);
    }

    @Test
    void compressionBombIsCutOffAtTheCapOverHttp2() {
        URI url = url(h2Server, "/bomb.xml");

        FetchResult r = fetcher.fetch(new FetchRequest(url, null, null));

        assertThat(r.error()).as(r.message()).isEqualTo(FetchError.TOO_LARGE);
        assertThat(r.message()).contains("decompressed body");
        assertThat(h2Handler.protocol("/bomb.xml")).isEqualTo(HttpVersion.HTTP_2);
    }

    @Test
    void redirectWithAnUnneededBodyIsFollowedOverHttp2() {
        FetchResult r = fetcher.fetch(new FetchRequest(url(h2Server, "/moved.xml"), null, null));

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(r.movedTo()).isEqualTo(url(h2Server, "/feed.xml"));
        assertThat(h2Handler.protocol("/moved.xml")).isEqualTo(HttpVersion.HTTP_2);
        assertThat(h2Handler.protocol("/feed.xml")).isEqualTo(HttpVersion.HTTP_2);
    }

    @Test
    void serverOfferingOnlyHttp11IsFetchedOverHttp11() throws Exception {
        FeedHandler handler = new FeedHandler();
        Server http11Only = startJetty(false, handler);
        try {
            FetchResult r = fetcher.fetch(new FetchRequest(url(http11Only, "/feed.xml"), null, null));

            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
            assertThat(handler.protocol("/feed.xml")).isEqualTo(HttpVersion.HTTP_1_1);

            FetchResult again = fetcher.fetch(new FetchRequest(url(http11Only, "/feed.xml"), r.etag(), null));
            assertThat(again.outcome()).as(again.message()).isEqualTo(Outcome.NOT_MODIFIED);
        } finally {
            http11Only.stop();
        }
    }

    private static FeedFetcher trustingFetcher() {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setTrustStore(FixtureServer.trustStore());
        return new FeedFetcher(TestFetchers.config(Map.of("fetch.max_body", "1MiB")), tls, Clock.systemUTC());
    }

    private static URI url(Server server, String path) {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return URI.create("https://127.0.0.1:" + port + path);
    }

    /** A Jetty server on 127.0.0.1 and a free port, TLS with ALPN offering h2 and http/1.1, or http/1.1 only. */
    private static Server startJetty(boolean offerHttp2, Handler handler) throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);

        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        ALPNServerConnectionFactory alpn = offerHttp2
                ? new ALPNServerConnectionFactory("h2", "http/1.1")
                : new ALPNServerConnectionFactory("http/1.1");
        alpn.setDefaultProtocol(http11.getProtocol());
        SslConnectionFactory ssl = new SslConnectionFactory(FixtureServer.jettyServerTls(), alpn.getProtocol());
        ConnectionFactory[] factories = offerHttp2
                ? new ConnectionFactory[] {ssl, alpn, new HTTP2ServerConnectionFactory(config), http11}
                : new ConnectionFactory[] {ssl, alpn, http11};

        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return server;
    }

    /**
     * Serves the test paths and records, per path, the protocol and some headers of the last request.
     * {@code /feed.xml} sends an ETag and answers 304 to a matching If-None-Match; {@code /gzip.xml} is gzipped;
     * {@code /moved.xml} redirects there with a body of undeclared length; {@code /streamed-huge.xml} streams 64 MiB without Content-Length; {@code /declared-huge.xml} declares
     * 64 MiB; {@code /bomb.xml} is 8 MiB of zeros gzipped to a few KiB.
     */
    private static final class FeedHandler extends Handler.Abstract {
        private static final long HUGE = 64L << 20;
        private static final byte[] BOMB = FixtureServer.gzip(new byte[8 * CAP]);

        private final Map<String, HttpVersion> protocols = new ConcurrentHashMap<>();
        private final Map<String, String> ifNoneMatch = new ConcurrentHashMap<>();
        private final Map<String, String> acceptEncoding = new ConcurrentHashMap<>();

        HttpVersion protocol(String path) {
            return protocols.get(path);
        }

        String ifNoneMatch(String path) {
            return ifNoneMatch.get(path);
        }

        String acceptEncoding(String path) {
            return acceptEncoding.get(path);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            protocols.put(path, request.getConnectionMetaData().getHttpVersion());
            String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
            if (inm != null) {
                ifNoneMatch.put(path, inm);
            }
            String ae = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
            if (ae != null) {
                acceptEncoding.put(path, ae);
            }
            switch (path) {
                case "/feed.xml" -> {
                    response.getHeaders().put(HttpHeader.ETAG, ETAG);
                    if (ETAG.equals(inm)) {
                        response.setStatus(HttpStatus.NOT_MODIFIED_304);
                        callback.succeeded();
                        return true;
                    }
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/rss+xml; charset=utf-8");
                    Content.Sink.write(response, true, RSS, callback);
                }
                case "/gzip.xml" -> {
                    byte[] gz = FixtureServer.gzip(RSS.getBytes(StandardCharsets.UTF_8));
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/rss+xml");
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, gz.length);
                    response.write(true, ByteBuffer.wrap(gz), callback);
                }
                case "/bomb.xml" -> {
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BOMB.length);
                    response.write(true, ByteBuffer.wrap(BOMB), callback);
                }
                case "/moved.xml" -> {
                    // A body of unknown length, which the fetcher does not wait for: it resets the stream.
                    response.setStatus(HttpStatus.MOVED_PERMANENTLY_301);
                    response.getHeaders().put(HttpHeader.LOCATION, "/feed.xml");
                    Content.Sink.write(response, true, "moved to /feed.xml", callback);
                }
                case "/streamed-huge.xml" -> stream(response, callback);
                case "/declared-huge.xml" -> {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, HUGE);
                    stream(response, callback);
                }
                default -> {
                    response.setStatus(HttpStatus.NOT_FOUND_404);
                    callback.succeeded();
                }
            }
            return true;
        }

        /** Writes {@link #HUGE} bytes, blocking on flow control, until done or the client resets the stream. */
        private static void stream(Response response, Callback callback) {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                for (long left = HUGE; left > 0; left -= chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                callback.failed(e); // the client went away at its cap, as the tests want
                return;
            }
            callback.succeeded();
        }
    }
}
