package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real feed content (Miniflux's sanitizer pages and parser feeds, gofeed's and ROME's test feeds) comes out safe
 * and is a fixed point of the sanitizer.
 */
class FeedCorpusTest {
    private static final HtmlSanitizer SANITIZER = HtmlSanitizer.aggregated();
    private static final String BASE = "https://blog.example/2024/05/post.html";

    @Test
    void minifluxSanitizerPagesAreSafeAndFixedPoints() throws IOException {
        Path dir = Corpora.require("miniflux/internal/reader/sanitizer/testdata");
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                pages.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(pages).hasSize(2);
        check("miniflux pages", pages);
    }

    @Test
    void minifluxParserFeedsAreSafeAndFixedPoints() {
        List<String> fragments = FeedFragments.under(Corpora.require("miniflux/internal/reader/parser/testdata"));
        assertThat(fragments).hasSizeGreaterThan(50);
        check("miniflux feeds", fragments);
    }

    @Test
    void gofeedFeedsAreSafeAndFixedPoints() {
        List<String> fragments = FeedFragments.under(Corpora.require("gofeed"));
        assertThat(fragments).hasSizeGreaterThan(100);
        check("gofeed feeds", fragments);
    }

    @Test
    void romeFeedsAreSafeAndFixedPoints() {
        List<String> fragments = FeedFragments.under(Corpora.require("rome"));
        assertThat(fragments).hasSizeGreaterThan(50);
        check("rome feeds", fragments);
    }

    private static void check(String corpus, List<String> fragments) {
        List<String> failures = new ArrayList<>();
        int settledInOnePass = 0;
        for (String html : fragments) {
            String once = SANITIZER.sanitize(html, BASE);
            String twice = SANITIZER.sanitize(once, BASE);
            if (!twice.equals(once)) {
                failures.add("not a fixed point:\n  in:    " + abbreviate(html) + "\n  once:  " + abbreviate(once)
                        + "\n  twice: " + abbreviate(twice));
            }
            List<String> problems = SafetyCheck.violations(once);
            if (!problems.isEmpty()) {
                failures.add("unsafe " + problems + ":\n  in:  " + abbreviate(html));
            }
            if (SANITIZER.sanitizeOnce(html, UrlResolver.base(BASE)).equals(once)) {
                settledInOnePass++;
            }
        }
        System.out.printf("%s: %d fragments, %d settle in one pass%n", corpus, fragments.size(), settledInOnePass);
        assertThat(failures).isEmpty();
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
