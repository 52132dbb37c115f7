package org.callisto.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's worth of HTTP for form tests: a real client with its own cookie jar, redirects not followed (so
 * tests see each 303), and helpers to post forms and find a form's CSRF token in a page. Not thread-safe.
 */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final List<String> headers;

    WebClient(URI base) {
        this.base = base;
        this.headers = List.of();
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * A client whose connections come from {@code from} (any address of 127.0.0.0/8 on Linux, to be a different
     * peer) and whose every request carries {@code headers} (name, value, name, value, ...).
     */
    WebClient(URI base, java.net.InetAddress from, String... headers) {
        this.base = base;
        this.headers = List.of(headers);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .localAddress(from)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** Posts {@code fields} (name, value, name, value, ...) as a URL-encoded form. */
    HttpResponse<String> post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Posts {@code fields} (name, value, ...) and one file as {@code multipart/form-data}, as a browser sends a form
     * with {@code enctype="multipart/form-data"}.
     */
    HttpResponse<String> postFile(String path, String fileField, String fileName, byte[] content, String... fields) {
        String boundary = "----callisto" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n");
        }
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Gets {@code page} and posts its form to {@code action} with its CSRF token and {@code fields}. */
    HttpResponse<String> submit(String page, String action, String... fields) {
        String token = csrf(get(page).body(), action);
        List<String> all = new ArrayList<>(List.of("csrf", token));
        all.addAll(List.of(fields));
        return post(action, all.toArray(String[]::new));
    }

    /** The CSRF token of the first form in {@code html} that posts to {@code action}. */
    static String csrf(String html, String action) {
        int form = html.indexOf("action=\"" + action + "\"");
        if (form < 0) {
            throw new AssertionError("no form posting to " + action + " in:\n" + html);
        }
        Matcher m = CSRF.matcher(html);
        if (!m.find(form)) {
            throw new AssertionError("the form posting to " + action + " has no csrf field");
        }
        return m.group(1);
    }

    /** The value of a cookie this client holds, or null. */
    String cookie(String name) {
        for (HttpCookie c : cookies.getCookieStore().getCookies()) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
