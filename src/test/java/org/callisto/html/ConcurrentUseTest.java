package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One sanitizer shared by many threads gives each the same output as it would alone. */
class ConcurrentUseTest {

    @Test
    void sharedSanitizerIsThreadSafe() throws Exception {
        HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();
        List<String> inputs = FeedFragments.under(Corpora.require("miniflux/internal/reader/parser/testdata"));
        List<String> expected = inputs.stream()
                .map(h -> sanitizer.sanitize(h, "https://b.example/"))
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < inputs.size(); i++) {
                        if (!sanitizer
                                .sanitize(inputs.get(i), "https://b.example/")
                                .equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }
}
