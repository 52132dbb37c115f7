package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other side of {@link StoredXssInChromiumTest}: the same probe and payloads, written raw (unescaped,
 * unsanitized) into a test-only page that carries the site's own Content-Security-Policy, must be caught. Every
 * payload marked {@code runsRaw} calls its marker, so the probe really sees script run in spite of the policy, and
 * the payloads are live; every payload but the inert ones is caught one way or another (marker or active markup).
 */
class XssControlTest {
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static HttpServer server;
    private static Browser browser;
    private static ScriptProbe probe;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getRawPath());
            byte[] body = page == null ? new byte[0] : page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", WebServer.CONTENT_SECURITY_POLICY);
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        browser = Browser.launch();
        probe = new ScriptProbe(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves {@code html} at a new path with the site's CSP and returns its address. */
    static URI serve(String html) {
        String path = "/control/" + COUNTER.incrementAndGet();
        PAGES.put(path, html);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A page with {@code payload} written raw into the contexts where the journal writes member text. */
    static String rawContexts(String payload) {
        String markdown =
                HtmlRenderer.builder().build().render(Parser.builder().build().parse(payload));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + payload + "</title></head>"
                + "<body><div>" + payload + "</div>\n<p><input value=\"" + payload + "\"></p>\n<p><input value='"
                + payload + "'></p>\n<p><textarea>" + payload + "</textarea></p>\n<p><a href=\"" + payload
                + "\">link</a></p>\n<div>" + markdown + "</div></body></html>\n";
    }

    @Test
    void everyPayloadWrittenRawIsCaughtDespiteTheSitesPolicy() {
        List<String> missed = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            XssPayloads.Payload p = XssPayloads.ALL.get(i);
            int n = 100 + i;
            ScriptProbe.Report r = probe.visit(serve(rawContexts(p.at(n))));
            boolean marked = r.hits().stream().anyMatch(h -> h.startsWith("xss(" + n + ")"));
            if (p.runsRaw() && !marked) {
                missed.add(p.template() + " -> " + r);
            }
            if (r.quiet() && p.raw() != XssPayloads.Raw.INERT) {
                silent.add(p.template());
            }
        }
        assertThat(missed).as("payloads that should have called their marker").isEmpty();
        assertThat(silent).as("payloads the probe did not notice at all").isEmpty();
    }

    @Test
    void aPageWithoutPayloadsIsQuiet() {
        ScriptProbe.Report r = probe.visit(serve(rawContexts("plain words &amp; a <b>bold</b> one")));
        assertThat(r.quiet()).as(r.toString()).isTrue();
        assertThat(r.text()).contains("plain words & a bold one");
    }
}
