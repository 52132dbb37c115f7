package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.callisto.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;

/**
 * DOMPurify's fixtures, sanitized by the aggregated policy, shown in a real browser (headless Debian Chromium):
 * nothing in them may run script, whatever is done to the page.
 *
 * <p>The page is served over loopback HTTP without any Content-Security-Policy, so the sanitizer alone stands
 * between the payloads and the browser. Before the content, the page replaces {@code alert}, {@code confirm},
 * {@code prompt}, {@code print}, {@code open}, {@code eval}, {@code document.write}, string timers and the
 * request APIs with functions that only count their calls. All payloads go in one page, each in its own
 * {@code div}; once loaded, every element is focused and gets the common mouse, focus, keyboard, load and error
 * events (a click follows every link, except those to http(s), mail and telephone URLs, which would only leave the
 * page), then the page waits a second for timers and late loads. Besides the counted calls, the test fails on
 * a change of location, a second window, a request the server did not expect, and any URL attribute that the
 * browser resolves to a {@code javascript:}, {@code vbscript:} or non-image {@code data:} URL. A real dialog
 * (script that ran where the hooks do not reach, such as a new document) is dismissed and counted as well.
 *
 * <p>{@link #theHarnessCatchesUnsanitizedPayloads()} feeds raw payloads through the same harness, to show that it
 * can fail.
 */
class SanitizedHtmlInBrowserTest {
    private static final HtmlSanitizer SANITIZER = HtmlSanitizer.aggregated();

    /** Installed before any content: every way to run or show something is replaced by a counter. */
    private static final String HOOKS = """
            (function () {
              var hits = [];
              window.__during = 'page load';
              function record(name, args) {
                var arg = args && args.length ? String(args[0]) : '';
                hits.push(name + '(' + arg.slice(0, 60) + ') during ' + window.__during);
              }
              function replace(owner, name, wrap) {
                var original = owner[name];
                var f = wrap ? wrap(original) : function () { record(name, arguments); };
                Object.defineProperty(owner, name, {value: f, writable: false, configurable: false});
              }
              ['alert', 'confirm', 'prompt', 'print', 'open', 'eval', 'fetch'].forEach(function (n) {
                replace(window, n);
              });
              replace(document, 'write');
              replace(document, 'writeln');
              replace(navigator, 'sendBeacon');
              replace(XMLHttpRequest.prototype, 'open');
              ['setTimeout', 'setInterval'].forEach(function (n) {
                replace(window, n, function (original) {
                  return function (code) {
                    if (typeof code !== 'function') {
                      record(n + '(string)', arguments);
                      return 0;
                    }
                    return original.apply(window, arguments);
                  };
                });
              });
              // A click on a link that could only leave the page is cancelled; any other link is followed.
              document.addEventListener('click', function (e) {
                var link = e.target && e.target.closest && e.target.closest('a, area');
                if (!link) return;
                var raw = link.getAttribute('href')
                    || link.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
                if (raw === null) return;
                var scheme;
                try { scheme = new URL(raw, document.baseURI).protocol; } catch (err) { return; }
                if (/^(https?|mailto|tel|ftp):$/.test(scheme)) e.preventDefault();
              }, true);
              Object.defineProperty(window, '__hits', {value: hits});
            })();
            """;

    /** Dispatches events on every element, then waits a second for anything late; returns what was seen. */
    private static final String PROVOKE = """
            var done = arguments[arguments.length - 1];
            var start = location.href;
            var mouse = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click', 'dblclick',
                'contextmenu', 'mouseout', 'mouseleave', 'pointerover', 'pointerdown', 'pointerup', 'wheel'];
            var other = ['focus', 'focusin', 'blur', 'focusout', 'keydown', 'keypress', 'keyup', 'input',
                'change', 'select', 'load', 'error', 'abort', 'toggle', 'scroll', 'copy', 'paste', 'submit',
                'reset', 'invalid', 'play', 'loadstart', 'canplay', 'animationstart', 'animationend',
                'transitionend', 'begin', 'pageshow', 'hashchange', 'message'];
            var moved = [];
            var elements = Array.prototype.slice.call(document.body.querySelectorAll('*'));
            elements.forEach(function (el) {
              var box = el.closest('[data-case]');
              window.__during = box ? 'events on case ' + box.getAttribute('data-case') : 'events';
              try { el.focus(); } catch (e) {}
              mouse.forEach(function (t) {
                try { el.dispatchEvent(new MouseEvent(t, {bubbles: true, cancelable: true, view: window})); }
                catch (e) {}
              });
              other.forEach(function (t) {
                try { el.dispatchEvent(new Event(t, {bubbles: true, cancelable: true})); } catch (e) {}
              });
              if (location.href !== start) moved.push(window.__during + ': ' + location.href);
            });
            var dangerous = [];
            var urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite',
                'codebase', 'xlink:href', 'longdesc', 'lowsrc', 'dynsrc', 'srcdoc'];
            elements.forEach(function (el) {
              urlAttributes.forEach(function (a) {
                var raw = el.getAttribute(a);
                if (raw === null) return;
                if (a === 'srcdoc') { dangerous.push(el.tagName + ' srcdoc'); return; }
                var url;
                try { url = new URL(raw, document.baseURI); } catch (e) { return; }
                var scheme = url.protocol;
                var image = el.tagName === 'IMG' && a === 'src' && /^data:image\\//i.test(url.href);
                if (scheme === 'javascript:' || scheme === 'vbscript:' || (scheme === 'data:' && !image)) {
                  var box = el.closest('[data-case]');
                  dangerous.push((box ? 'case ' + box.getAttribute('data-case') + ': ' : '') + el.tagName + ' '
                      + a + '=' + raw.slice(0, 60));
                }
              });
            });
            window.__during = 'timers and late loads';
            setTimeout(function () {
              window.__report = {hits: window.__hits.slice(), moved: moved, dangerous: dangerous,
                  cases: document.querySelectorAll('[data-case]').length};
              done(window.__report);
            }, 1000);
            """;

    private static JsonNode cases;
    private static HttpServer server;
    private static Browser browser;
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static final List<String> UNEXPECTED_REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger PAGE_COUNTER = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        Path file = Corpora.require("dompurify").resolve("expect.json");
        cases = new ObjectMapper().readTree(file.toFile());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String page = PAGES.get(path);
            byte[] body;
            int status;
            if (page != null) {
                body = page.getBytes(StandardCharsets.UTF_8);
                status = 200;
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            } else {
                if (!path.equals("/favicon.ico")) {
                    UNEXPECTED_REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                }
                body = new byte[0];
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        browser = Browser.launch();
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

    /** What the browser did with one page of fragments. */
    record Outcome(
            List<String> hits,
            List<String> dialogs,
            List<String> moved,
            List<String> dangerous,
            List<String> requests,
            List<String> otherWindows,
            String location,
            int cases) {

        int executions() {
            return hits.size()
                    + dialogs.size()
                    + moved.size()
                    + dangerous.size()
                    + requests.size()
                    + otherWindows.size();
        }

        @Override
        public String toString() {
            return "script calls " + hits + "\nreal dialogs " + dialogs + "\nlocation changes " + moved
                    + "\ndangerous URLs " + dangerous + "\nunexpected requests " + requests
                    + "\nother windows " + otherWindows + "\nfinal location " + location;
        }
    }

    /** Serves {@code fragments} in one page, each in its own {@code div data-case=i}, and provokes them. */
    @SuppressWarnings("unchecked")
    static Outcome show(List<String> fragments) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sanitized fragments</title><script>" + HOOKS + "</script></head><body>\n");
        for (int i = 0; i < fragments.size(); i++) {
            html.append("<div data-case=\"")
                    .append(i)
                    .append("\">")
                    .append(fragments.get(i))
                    .append("</div>\n");
        }
        html.append("</body></html>\n");
        String path = "/page/" + PAGE_COUNTER.incrementAndGet();
        PAGES.put(path, html.toString());
        UNEXPECTED_REQUESTS.clear();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        try {
            browser.driver().switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
            // the usual case
        }
        String startWindow = browser.driver().getWindowHandle();
        browser.open(uri);
        List<String> dialogs = new ArrayList<>();
        Map<String, Object> seen = null;
        try {
            seen = (Map<String, Object>) browser.asyncScript(PROVOKE);
        } catch (UnhandledAlertException e) {
            // A real dialog: script ran where the hooks do not reach (a new document, a frame). The driver
            // dismissed it; the page goes on and leaves its report in window.__report.
            dialogs.add(String.valueOf(e.getAlertText()));
        }
        for (int tries = 0; seen == null && tries < 30; tries++) {
            try {
                seen = (Map<String, Object>) browser.script("return window.__report || null");
                if (seen == null) {
                    Thread.sleep(100);
                }
            } catch (UnhandledAlertException e) {
                dialogs.add(String.valueOf(e.getAlertText()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (seen == null) { // the page was replaced by another document, which counts as a location change
            seen = Map.of(
                    "hits",
                    List.of(),
                    "moved",
                    List.of("the page was replaced before it reported"),
                    "dangerous",
                    List.of(),
                    "cases",
                    -1);
        }
        List<String> otherWindows = new ArrayList<>();
        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(startWindow)) {
                otherWindows.add(handle);
                browser.driver().switchTo().window(handle);
                browser.driver().close();
            }
        }
        browser.driver().switchTo().window(startWindow);
        String location = browser.currentUrl();
        List<String> moved = new ArrayList<>((List<String>) seen.get("moved"));
        if (!location.equals(uri.toString())) {
            moved.add("at the end: " + location);
        }
        PAGES.remove(path);
        return new Outcome(
                (List<String>) seen.get("hits"),
                dialogs,
                moved,
                (List<String>) seen.get("dangerous"),
                List.copyOf(UNEXPECTED_REQUESTS),
                otherWindows,
                location,
                ((Number) seen.get("cases")).intValue());
    }

    @Test
    void noSanitizedPayloadRunsScriptInChromium() {
        assertThat(cases.size()).isEqualTo(223);
        List<String> sanitized = new ArrayList<>();
        int agree = 0;
        for (JsonNode c : cases) {
            String out = SANITIZER.sanitize(c.get("payload").asText(), null);
            sanitized.add(out);
            if (agrees(c.get("expected"), out)) {
                agree++;
            }
        }
        Outcome outcome = show(sanitized);
        System.out.printf(
                "sanitized in Chromium: %d payloads, %d script executions, %d dialogs, %d location "
                        + "changes, %d dangerous URLs, %d unexpected requests; exact agreement with DOMPurify %d of %d "
                        + "(%.1f%%)%n",
                outcome.cases(),
                outcome.hits().size(),
                outcome.dialogs().size(),
                outcome.moved().size(),
                outcome.dangerous().size(),
                outcome.requests().size(),
                agree,
                cases.size(),
                100.0 * agree / cases.size());
        assertThat(outcome.executions()).as(describe(outcome)).isZero();
        assertThat(outcome.cases()).as("every payload's div is in the page").isEqualTo(cases.size());
    }

    @Test
    void noPayloadSanitizedAgainstAnEntryUrlRunsScriptInChromium() {
        // With a base URL, relative URLs are resolved instead of dropped: a different path through the sanitizer.
        List<String> sanitized = new ArrayList<>();
        for (JsonNode c : cases) {
            sanitized.add(SANITIZER.sanitize(c.get("payload").asText(), "https://blog.example/2026/post.html"));
        }
        Outcome outcome = show(sanitized);
        System.out.printf(
                "sanitized against an entry URL, in Chromium: %d payloads, %d executions%n",
                outcome.cases(), outcome.executions());
        assertThat(outcome.executions()).as(describe(outcome)).isZero();
        assertThat(outcome.cases()).as("every payload's div is in the page").isEqualTo(cases.size());
    }

    @Test
    void theHarnessCatchesUnsanitizedPayloads() {
        Outcome outcome = show(List.of(
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(2)\">link</a>",
                "<p onmouseover=\"prompt(3)\">hover</p>",
                "<p>harmless</p>"));
        assertThat(outcome.cases()).isEqualTo(4);
        assertThat(outcome.executions()).as(describe(outcome)).isPositive();
        assertThat(outcome.hits())
                .as(describe(outcome))
                .anyMatch(h -> h.startsWith("alert(1)"))
                .anyMatch(h -> h.startsWith("alert(2)"))
                .anyMatch(h -> h.startsWith("prompt(3) during events on case 2"))
                .noneMatch(h -> h.contains("case 3"));
        assertThat(outcome.requests()).as("the image's request for x").anyMatch(r -> r.endsWith("/x"));
        assertThat(outcome.dangerous()).anyMatch(d -> d.startsWith("case 1: A href=javascript:"));

        Outcome sanitized = show(List.of(
                SANITIZER.sanitize("<img src=x onerror=alert(1)>", null),
                SANITIZER.sanitize("<a href=\"javascript:alert(2)\">link</a>", null),
                SANITIZER.sanitize("<p onmouseover=\"prompt(3)\">hover</p>", null)));
        assertThat(sanitized.executions()).as(describe(sanitized)).isZero();
    }

    private static String describe(Outcome outcome) {
        return "what the browser did:\n" + outcome;
    }

    private static boolean agrees(JsonNode expected, String out) {
        if (expected.isArray()) {
            for (JsonNode e : expected) {
                if (e.asText().equals(out)) {
                    return true;
                }
            }
            return false;
        }
        return expected.asText().equals(out);
    }
}
