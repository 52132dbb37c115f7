package org.callisto.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * axe-core's accessibility rules run in the page a {@link Browser} shows: the {@code axe.min.js} that Maven's
 * {@code com.deque.html.axe-core:selenium} ships is injected through WebDriver (which the page's
 * Content-Security-Policy does not govern) and {@code axe.run} reports the violations of WCAG 2.0, 2.1 and 2.2 A and
 * AA and of axe's best practices. Not thread-safe: one browser per instance.
 */
public final class Axe {
    private static final String SOURCE = load();

    private final Browser browser;

    public Axe(Browser browser) {
        this.browser = browser;
    }

    /** The violations on the page now shown, one line each: rule, impact, help and the first targets. */
    public List<String> violations() {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(SOURCE);
        }
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'],
                        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                                                        'best-practice']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' [' + (n.failureSummary || '')
                          .replace(/\\s+/g, ' ') + ']').join('; '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) result;
        return lines;
    }

    /** Makes the page match {@code prefers-color-scheme: dark} (or light) from now on, without reloading it. */
    public static void colourScheme(Browser browser, String scheme) {
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path; the build's test"
                        + " dependency com.deque.html.axe-core:selenium provides it (run ./mvnw once online)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
