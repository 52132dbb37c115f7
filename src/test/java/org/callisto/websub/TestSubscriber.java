package org.callisto.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal WebSub subscriber of the tests' own, written from the W3C Recommendation with the JDK alone and sharing
 * no code with Callisto: it discovers a topic's hub from the Link header, sends a subscription request with a
 * secret, confirms the verification of intent for the topic it asked for (echoing the challenge), and keeps every
 * notification it receives with its headers. It also serves a blog feed ({@code /blog.xml}) for the planet to fetch.
 */
final class TestSubscriber implements AutoCloseable {
    /** A notification as received. */
    record Notification(String body, String signature, List<String> links, String contentType) {}

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    final List<Map<String, String>> verifications = new CopyOnWriteArrayList<>();
    volatile String wantedTopic;
    volatile String blog;

    TestSubscriber(String blog) throws IOException {
        this.blog = blog;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callback", this::callback);
        server.createContext("/blog.xml", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/atom+xml");
            send(ex, 200, this.blog);
        });
        server.start();
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    String blogUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/blog.xml";
    }

    /** The links of a Link header value, relation to target. */
    static Map<String, String> links(List<String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : headers) {
            Matcher m = LINK.matcher(h);
            while (m.find()) {
                out.putIfAbsent(m.group(2), m.group(1));
            }
        }
        return out;
    }

    /** Discovery (section 4): GETs the topic and returns its Link header's hub and self. */
    Map<String, String> discover(String topic) throws IOException, InterruptedException {
        HttpResponse<String> r =
                client.send(HttpRequest.newBuilder(URI.create(topic)).build(), HttpResponse.BodyHandlers.ofString());
        return links(r.headers().allValues("Link"));
    }

    /** A subscription request (section 5.1); the hub's status and body. */
    HttpResponse<String> subscribe(String hub, String topic, String secret, String mode)
            throws IOException, InterruptedException {
        wantedTopic = topic;
        String form = "hub.mode=" + mode + "&hub.topic=" + enc(topic) + "&hub.callback=" + enc(callbackUrl())
                + (secret == null ? "" : "&hub.secret=" + enc(secret)) + "&hub.lease_seconds=600";
        return client.send(
                HttpRequest.newBuilder(URI.create(hub))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void callback(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("GET")) {
            Map<String, String> q = TestHub.decode(ex.getRequestURI().getRawQuery());
            verifications.add(q);
            boolean ours = q.get("hub.topic") != null && q.get("hub.topic").equals(wantedTopic);
            if (ours && ("subscribe".equals(q.get("hub.mode")) || "unsubscribe".equals(q.get("hub.mode")))) {
                send(ex, 200, q.get("hub.challenge"));
            } else {
                send(ex, 404, "");
            }
            return;
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        notifications.add(new Notification(
                body,
                ex.getRequestHeaders().getFirst("X-Hub-Signature"),
                ex.getRequestHeaders().getOrDefault("Link", List.of()),
                ex.getRequestHeaders().getFirst("Content-Type")));
        send(ex, 200, "");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
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
