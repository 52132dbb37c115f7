package org.callisto.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;

/**
 * The requests WebSub sends to addresses others gave (hubs, subscribers' callbacks), through a client with the
 * planet's fetch guards ({@link org.callisto.planet.fetch.GuardedHttpClients}): no internal addresses unless
 * {@code fetch.allow_loopback}/{@code fetch.allow_private} say so, no redirects, answers of at most 64 KiB read.
 * Never throws for network failures: they come back as status 0 with the reason. Thread-safe.
 */
final class WebSubClient implements AutoCloseable {
    /** An answer: the status (0 when none came) and the body as text, or the failure in words. */
    record Answer(int status, String body, String failure) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The answer in words, for logs and stored errors. */
        String words() {
            if (status == 0) {
                return failure;
            }
            String b = body == null ? "" : body.strip();
            return "HTTP " + status + (b.isEmpty() ? "" : ": " + (b.length() > 200 ? b.substring(0, 200) + "…" : b));
        }
    }

    private static final int MAX_ANSWER = 64 * 1024;
    private final HttpClient client;
    private final Duration timeout;

    WebSubClient(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** POSTs a form, e.g. a subscription request to a hub. */
    Answer postForm(String url, Map<String, String> form) {
        Fields fields = new Fields();
        form.forEach(fields::put);
        return send(url, r -> r.method(HttpMethod.POST).body(new FormRequestContent(fields)));
    }

    /** POSTs a body with extra headers, e.g. a content distribution request. */
    Answer postBody(String url, String contentType, byte[] body, Map<String, String> headers) {
        return send(
                url,
                r -> r.method(HttpMethod.POST)
                        .body(new BytesRequestContent(contentType, body))
                        .headers(h -> headers.forEach(h::put)));
    }

    /** GETs {@code url} with {@code query} added to its own query, e.g. a verification of intent. */
    Answer get(String url, Map<String, String> query) {
        return send(withQuery(url, query), r -> r.method(HttpMethod.GET));
    }

    static String withQuery(String url, Map<String, String> query) {
        StringBuilder b = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            b.append(sep)
                    .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    private Answer send(String url, java.util.function.UnaryOperator<Request> build) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Answer(0, null, "'" + url + "' is not a URL: " + e.getMessage());
        }
        try {
            Request request = build.apply(client.newRequest(uri).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
            ContentResponse r = request.send();
            byte[] content = r.getContent();
            String body = new String(content, 0, Math.min(content.length, MAX_ANSWER), StandardCharsets.UTF_8);
            return new Answer(r.getStatus(), body, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "the request to " + url + " was interrupted");
        } catch (TimeoutException e) {
            return new Answer(0, null, "no answer from " + url + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Answer(0, null, "cannot reach " + url + ": " + cause.getMessage());
        } catch (RuntimeException e) {
            return new Answer(0, null, "cannot send to " + url + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // stopping only releases threads and sockets
        }
    }
}
