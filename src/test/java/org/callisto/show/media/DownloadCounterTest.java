package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DownloadCounterTest {

    @Test
    void countsEveryDownloadFromManyThreads() throws Exception {
        DownloadCounter counter = new DownloadCounter(Clock.systemUTC());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        counter.count(i % 2 == 0 ? "a.mp3" : "b-" + thread + ".mp4");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(counter.downloads("a.mp3")).isEqualTo(40_000);
        assertThat(counter.downloads("b-3.mp4")).isEqualTo(5_000);
        assertThat(counter.downloads("never.mp3")).isZero();
        assertThat(counter.snapshot()).hasSize(9).containsEntry("a.mp3", 40_000L);
    }

    @Test
    void drainingTakesTheCountsPerFileDayAndKindOnceAndRestorePutsThemBack() {
        java.time.Instant noon = java.time.Instant.parse("2026-05-01T12:00:00Z");
        DownloadCounter counter = new DownloadCounter(java.time.Clock.fixed(noon, java.time.ZoneOffset.UTC));
        counter.count("demo/a.mp3");
        counter.count("demo/a.mp3");
        counter.count("demo/a.mp3", true);
        java.time.LocalDate day = java.time.LocalDate.of(2026, 5, 1);

        List<DownloadCounter.Pending> first = counter.drain();
        assertThat(first)
                .containsExactlyInAnyOrder(
                        new DownloadCounter.Pending("demo/a.mp3", day, false, 2),
                        new DownloadCounter.Pending("demo/a.mp3", day, true, 1));
        assertThat(counter.drain()).isEmpty();
        counter.restore(first);
        assertThat(counter.drain()).containsExactlyInAnyOrderElementsOf(first);
        assertThat(counter.downloads("demo/a.mp3")).as("totals are not drained").isEqualTo(3);
    }
}
