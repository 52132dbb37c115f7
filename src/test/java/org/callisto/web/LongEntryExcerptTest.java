package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.callisto.planet.Entry;
import org.callisto.planet.EntryExcerpt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists of entries show an excerpt of a long entry with a "continue reading" link to its page, which shows it
 * whole; output feeds carry the excerpt and a link to that page too. Short entries are shown whole everywhere.
 */
class LongEntryExcerptTest {
    private static final String PARAGRAPH = "<p>" + "A long post about ZFS and jails. ".repeat(20) + "</p>";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void listsAndFeedsShowAnExcerptAndTheEntryPageShowsAll(String kind) {
        try (PlanetSite site = new PlanetSite(kind)) {
            String html = PARAGRAPH.repeat(150) + "<p>THE END</p>"; // about 100 KB
            site.entries.storeEntries(
                    site.alice.id(),
                    List.of(PlanetSite.row("long", "A very long post", html, Instant.now(), List.of())),
                    Instant.now());
            Entry stored = site.entries.feedEntries(site.alice.id(), 0, 1).getFirst();
            assertThat(stored.title()).isEqualTo("A very long post");

            for (String list : List.of("/", "/feeds/" + site.alice.id(), "/category/freebsd")) {
                String page = site.fresh(list).body();
                assertThat(page).as(list).contains("A long post about ZFS").doesNotContain("THE END");
                assertThat(page)
                        .as(list)
                        .contains("<p class=\"more\"><a href=\"/entries/" + stored.id()
                                + "\">Continue reading “A very long post”</a></p>");
                assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(EntryExcerpt.MAX_BYTES + 40_000);
            }
            String entryPage = site.fresh("/entries/" + stored.id()).body();
            assertThat(entryPage).contains("THE END").doesNotContain("class=\"more\"");

            String atom = site.fresh("/atom.xml").body();
            assertThat(atom)
                    .doesNotContain("THE END")
                    .contains("Continue reading")
                    .contains("http://planet.test/entries/" + stored.id());
            String shortOne = site.fresh("/").body();
            assertThat(shortOne).contains("Recently swills@ upgraded Graphite.");
        }
    }
}
