package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DownloadCounterTest {
    private static final String PODCASTS = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)";
    /** 1000 bytes of ID3 tag, then 60,000 bytes a minute (8 kbit/s), 200,000 audio bytes. */
    private static final AudioSpan SPAN = new AudioSpan(1000, 201_000, 60_000);

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Map<LocalDate, byte[]> keys = new ConcurrentHashMap<>();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-05-01T12:00:00Z"));
    private final DownloadCounter counter = new DownloadCounter(
            clock,
            (day, create) -> create
                    ? keys.computeIfAbsent(day, d -> d.toString().getBytes(StandardCharsets.UTF_8))
                    : keys.get(day));

    @Test
    void rangesThatSumPastOneMinuteOfAudioCountOnceTagExcluded() {
        DownloadCounter.Listening l = counter.listen("a.mp3", SPAN, "192.0.2.7", PODCASTS);
        l.delivered(0, 30_999); // 1000 bytes of tag, 30,000 of audio
        l.delivered(0, 30_999); // the same again: not more audio
        assertThat(counter.drain()).isEmpty();
        counter.listen("a.mp3", SPAN, "192.0.2.7", PODCASTS).delivered(31_000, 60_999); // 60,000: a minute
        List<DownloadCounter.Counted> counted = counter.drain();
        assertThat(counted).hasSize(1);
        assertThat(counted.getFirst().app()).isEqualTo("Apple Podcasts");
        assertThat(counted.getFirst().file()).isEqualTo("a.mp3");
        assertThat(counted.getFirst().listener()).doesNotContain("192.0.2.7").hasSize(22);
        l.delivered(61_000, 200_999);
        assertThat(counter.drain()).as("a download reaches the minute once").isEmpty();
    }

    @Test
    void aFileShorterThanAMinuteCountsWhenDeliveredWhole() {
        AudioSpan short10s = new AudioSpan(0, 10_000, 10_000);
        DownloadCounter.Listening l = counter.listen("short.mp3", short10s, "192.0.2.7", PODCASTS);
        l.delivered(0, 9_998);
        assertThat(counter.drain()).isEmpty();
        l.delivered(9_999, 9_999);
        assertThat(counter.drain()).hasSize(1);
    }

    @Test
    void botsAndRequestsWithoutUserAgentAreNotFollowed() {
        assertThat(counter.listen("a.mp3", SPAN, "192.0.2.7", "Mozilla/5.0 (compatible; Googlebot/2.1)"))
                .isNull();
        assertThat(counter.listen("a.mp3", SPAN, "192.0.2.7", "curl/8.14.1")).isNull();
        assertThat(counter.listen("a.mp3", SPAN, "192.0.2.7", "")).isNull();
        assertThat(counter.listen("a.mp3", SPAN, "192.0.2.7", null)).isNull();
        assertThat(counter.botRequests()).isEqualTo(2);
        assertThat(counter.app("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"))
                .isEqualTo("Overcast");
        assertThat(counter.app("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"))
                .isEqualTo("Firefox");
        assertThat(counter.app("SomethingNew/1.0")).isEqualTo(DownloadCounter.OTHER_APP);
    }

    @Test
    void theSameListenerIsHashedAlikeWithinADayAndWithTheOtherDaysKeyTheNext() {
        counter.listen("a.mp3", SPAN, "2001:db8:1:2:aaaa::1", PODCASTS).delivered(0, 70_000);
        // another address in the same /64, same app: the same listener, so the same progress
        counter.listen("b.mp3", SPAN, "2001:db8:1:2:bbbb::9", PODCASTS).delivered(0, 70_000);
        List<DownloadCounter.Counted> first = counter.drain();
        assertThat(first).hasSize(2);
        assertThat(first.get(0).listener()).isEqualTo(first.get(1).listener());
        assertThat(first.get(0).previousListener())
                .as("no key for the day before")
                .isNull();

        clock.now = clock.now.plus(Duration.ofHours(13)); // the next UTC day
        counter.listen("a.mp3", SPAN, "2001:db8:1:2:cccc::3", PODCASTS).delivered(0, 70_000);
        List<DownloadCounter.Counted> next = counter.drain();
        assertThat(next).hasSize(1);
        assertThat(next.getFirst().listener()).isNotEqualTo(first.getFirst().listener());
        assertThat(next.getFirst().previousListener())
                .isEqualTo(first.getFirst().listener());
    }

    @Test
    void listenersUnseenFor24HoursAreForgottenAndRestoredDownloadsComeBack() {
        counter.listen("a.mp3", SPAN, "192.0.2.7", PODCASTS).delivered(0, 70_000);
        List<DownloadCounter.Counted> taken = counter.drain();
        counter.restore(taken);
        assertThat(counter.drain()).isEqualTo(taken);
        assertThat(counter.listeners()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofHours(25));
        counter.drain();
        assertThat(counter.listeners()).isZero();
    }

    @Test
    void ipv6IsTruncatedToItsSlash64AndMappedIpv4IsIpv4() {
        byte[] key = new byte[32];
        assertThat(ListenerHash.of(key, "2001:db8:1:2:aaaa::1", "x"))
                .isEqualTo(ListenerHash.of(key, "2001:db8:1:2:ffff:ffff:ffff:ffff", "x"))
                .isNotEqualTo(ListenerHash.of(key, "2001:db8:1:3::1", "x"));
        assertThat(ListenerHash.of(key, "::ffff:192.0.2.1", "x")).isEqualTo(ListenerHash.of(key, "192.0.2.1", "x"));
        assertThat(ListenerHash.of(key, "192.0.2.1", "x")).isNotEqualTo(ListenerHash.of(key, "192.0.2.2", "x"));
        assertThat(ListenerHash.of(key, "192.0.2.1", "x")).isNotEqualTo(ListenerHash.of(key, "192.0.2.1", "y"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(ListenerHash.of(key, "192.0.2.1", "x")).isNotEqualTo(ListenerHash.of(other, "192.0.2.1", "x"));
    }

    @Test
    void manyThreadsDeliveringToOneListenerCountOnce() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        long first = 1000 + (thread * 1000L + i) * 25 % 200_000;
                        counter.listen("a.mp3", SPAN, "192.0.2.7", PODCASTS).delivered(first, first + 24);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(counter.drain()).hasSize(1);
    }

    @Test
    void badListLinesNameTheLineAndWhatToDo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> UserAgentRules.parse("apps.txt", new StringReader("# ok\nOvercast = ^Overcast(\n")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("apps.txt:2")
                .hasMessageContaining("not a regular expression");
    }

    @Test
    void theShippedListsHaveRules() {
        assertThat(UserAgentRules.shippedBots().rules()).hasSizeGreaterThan(30);
        assertThat(UserAgentRules.shippedApps().rules()).hasSizeGreaterThan(40);
        assertThat(UserAgentRules.shippedApps().match("Castro 2024.1/1234")).isEqualTo("Castro");
    }
}
