package org.callisto.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal WebSub publisher and hub of the tests' own, written from the W3C Recommendation with the JDK alone and
 * sharing no code with Callisto: it serves one topic ({@code /feed.xml}) that names the hub in a Link header, takes
 * subscription requests at {@code /hub} (202 Accepted), verifies intent with a random challenge, grants a lease of
 * {@link #leaseSeconds}, and distributes content with an {@code X-Hub-Signature} HMAC-SHA256 of the body.
 */
final class TestHub implements AutoCloseable {
    /** A subscription request as the hub received it, and whether the subscriber confirmed it. */
    record Request(String mode, String topic, String callback, String secret, String leaseSeconds, boolean verified) {}

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    volatile String feed;
    volatile int leaseSeconds = 3600;

    TestHub(String feed) throws IOException {
        this.feed = feed;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", this::topic);
        server.createContext("/hub", this::hub);
        server.start();
    }

    String topicUrl() {
        return base() + "/feed.xml";
    }

    String hubUrl() {
        return base() + "/hub";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The last verified subscription, or null. */
    Request subscription() {
        return requests.stream()
                .filter(r -> r.verified() && r.mode().equals("subscribe"))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    private void topic(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Link", "<" + hubUrl() + ">; rel=\"hub\"");
        ex.getResponseHeaders().add("Link", "<" + topicUrl() + ">; rel=\"self\"");
        ex.getResponseHeaders().add("Content-Type", "application/atom+xml");
        send(ex, 200, feed);
    }

    private void hub(HttpExchange ex) throws IOException {
        Map<String, String> form = decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        send(ex, 202, "");
        Thread.ofVirtual().start(() -> verify(form));
    }

    /** Verification of intent (section 5.3): GET the callback with a challenge, which must come back as the body. */
    private void verify(Map<String, String> form) {
        String challenge = HexFormat.of().formatHex(bytes(16));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("hub.mode", form.get("hub.mode"));
        query.put("hub.topic", form.get("hub.topic"));
        query.put("hub.challenge", challenge);
        query.put("hub.lease_seconds", Integer.toString(leaseSeconds));
        boolean ok;
        try {
            HttpResponse<String> r = get(form.get("hub.callback"), query);
            ok = r.statusCode() / 100 == 2 && r.body().equals(challenge);
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        requests.add(new Request(
                form.get("hub.mode"),
                form.get("hub.topic"),
                form.get("hub.callback"),
                form.get("hub.secret"),
                form.get("hub.lease_seconds"),
                ok));
    }

    /** A verification GET for any topic, as a forged or confused hub would send it. */
    HttpResponse<String> verifyAt(String callback, String topic, String challenge)
            throws IOException, InterruptedException {
        return get(
                callback,
                Map.of(
                        "hub.mode",
                        "subscribe",
                        "hub.topic",
                        topic,
                        "hub.challenge",
                        challenge,
                        "hub.lease_seconds",
                        "60"));
    }

    /** Content distribution (section 7) to the last verified subscriber, signed with its secret. */
    int publish(String body) throws IOException, InterruptedException {
        Request s = subscription();
        return publish(body, "sha256=" + hmac(s.secret(), body));
    }

    /** Content distribution with the given signature header (null for none). */
    int publish(String body, String signature) throws IOException, InterruptedException {
        feed = body;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(subscription().callback()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/atom+xml")
                .header("Link", "<" + hubUrl() + ">; rel=\"hub\", <" + topicUrl() + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Hub-Signature", signature);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String url, Map<String, String> query) throws IOException, InterruptedException {
        StringBuilder u = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            u.append(sep)
                    .append(e.getKey())
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return client.send(
                HttpRequest.newBuilder(URI.create(u.toString()))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static Map<String, String> decode(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
