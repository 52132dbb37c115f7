package org.callisto.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One browser at a loopback address of its choosing (127.0.0.2, 127.0.0.3 ...), so that tests of per-address
 * limits can come from many addresses: each request is HTTP/1.0 over a socket bound to that address, with the
 * browser's cookies (every cookie to every path; names are unique on this site). Redirects are not followed.
 * Reads are bounded by a 20 s socket timeout. Not thread-safe.
 */
final class LoopbackBrowser {
    private final String address;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** A browser at {@code address} (in 127.0.0.0/8) for the site on {@code port} of 127.0.0.1. */
    LoopbackBrowser(String address, int port) {
        if (!address.startsWith("127.")) {
            throw new IllegalArgumentException("loopback browsers live in 127.0.0.0/8, not at " + address);
        }
        this.address = address;
        this.port = port;
    }

    /** One response: status, headers (names in lower case, each with every value) and body. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    Response get(String path) {
        return send("GET " + path, null);
    }

    /** Posts {@code fields} (name, value, name, value, ...) as a URL-encoded form. */
    Response post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send("POST " + path, body.toString());
    }

    /** Gets {@code page} and posts its form to {@code action} with the form's CSRF token and {@code fields}. */
    Response submit(String page, String action, String... fields) {
        String token = WebClient.csrf(get(page).body(), action);
        List<String> all = new ArrayList<>(List.of("csrf", token));
        all.addAll(List.of(fields));
        return post(action, all.toArray(String[]::new));
    }

    private Response send(String requestLine, String form) {
        try (Socket s = new Socket()) {
            s.setSoTimeout(20_000);
            s.bind(new InetSocketAddress(address, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(requestLine + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
            if (!cookies.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                cookies.forEach((n, v) -> pairs.add(n + "=" + v));
                head.append("Cookie: ").append(String.join("; ", pairs)).append("\r\n");
            }
            if (form != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(s.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("request '" + requestLine + "' from " + address + " failed: " + e, e);
        }
    }

    private Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no end of headers in a response of " + text.length() + " characters");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            if (name.equals("set-cookie")) {
                remember(value);
            }
        }
        return new Response(status, headers, text.substring(end + 4));
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";")[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
