package org.callisto.planet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The clipping that caps what a feed can make the planet store, and feed values in log lines. */
class EntryLimitsTest {
    @Test
    void longTextIsCutAtAWordWithAnEllipsisAndShortTextIsKept() {
        assertThat(EntryLimits.clip("short", 10)).isEqualTo("short");
        assertThat(EntryLimits.clip(null, 10)).isNull();
        String clipped = EntryLimits.clip("word ".repeat(200), 500);
        assertThat(clipped).hasSizeLessThanOrEqualTo(500).endsWith("word…");
        String emoji = EntryLimits.clip("😀".repeat(300), 499);
        assertThat(emoji).hasSizeLessThanOrEqualTo(499).endsWith("😀…");
    }

    @Test
    void onlyWebUrlsOfBoundedLengthAreKept() {
        assertThat(EntryLimits.webUrl(" https://a.example/x ")).isEqualTo("https://a.example/x");
        assertThat(EntryLimits.webUrl("HTTP://a.example/")).isEqualTo("HTTP://a.example/");
        assertThat(EntryLimits.webUrl("javascript:alert(1)")).isNull();
        assertThat(EntryLimits.webUrl("data:text/html,x")).isNull();
        assertThat(EntryLimits.webUrl("https://a.example/" + "x".repeat(EntryLimits.MAX_URL)))
                .isNull();
    }

    @Test
    void feedValuesCannotForgeLogLines() {
        assertThat(FeedRefresher.forLog("https://a.example/\nINFO forged")).isEqualTo("https://a.example/?INFO forged");
        assertThat(FeedRefresher.forLog("x".repeat(500))).hasSize(201).endsWith("…");
    }
}
