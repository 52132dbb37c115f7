package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownImportTest {

    @TempDir
    Path tmp;

    /** The fixture folder of three episodes, in src/test/resources/show-notes. */
    static Path fixture() {
        try {
            return Path.of(MarkdownImportTest.class.getResource("/show-notes").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importsEpisodesSectionsAndItemsAndReimportingChangesNothing(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            ShowStores store = ShowStores.of(db, Clock.systemUTC());
            MarkdownImport importer = new MarkdownImport(store.imports());

            List<MarkdownImport.Result> first = importer.importAll(fixture());
            assertThat(first)
                    .extracting(MarkdownImport.Result::outcome)
                    .containsExactly(
                            MarkdownImport.Outcome.ADDED, MarkdownImport.Outcome.ADDED, MarkdownImport.Outcome.ADDED);
            assertThat(store.episodes().episodes()).extracting(Episode::number).containsExactly(43, 42, 41);

            Episode e41 = store.episodes().episode(41).orElseThrow();
            assertThat(e41.title()).isEqualTo("Jails All the Way Down");
            assertThat(e41.slug()).isEqualTo("jails-all-the-way-down");
            assertThat(e41.season()).isEqualTo(3);
            assertThat(e41.publishedAt()).isEqualTo(Instant.parse("2026-02-26T18:00:00Z"));
            assertThat(e41.summary()).startsWith("Nested jails for CI runners");
            List<Section> notes = store.notes().notes(e41.id());
            assertThat(notes).extracting(Section::heading).containsExactlyElementsOf(Section.DEFAULT_HEADINGS);
            NoteItem headline = notes.getFirst().items().getFirst();
            assertThat(headline.title()).isEqualTo("Nested jails for throwaway CI runners");
            assertThat(headline.link()).isEqualTo("https://ci-notes.example/2026/02/nested-jails");
            assertThat(headline.summary()).startsWith("Mira walks through").contains("\n\nThe post also measures");
            assertThat(notes.get(2).items())
                    .extracting(NoteItem::title, NoteItem::link, NoteItem::summary)
                    .first()
                    .isEqualTo(org.assertj.core.groups.Tuple.tuple(
                            "Why your cron jobs ran twice last Sunday",
                            "https://timekeeping.example/dst-cron",
                            "a look at how periodic jobs behave when the clock jumps back."));
            assertThat(notes.get(2).items().get(2).summary()).isEmpty();
            assertThat(notes.get(4).items()).extracting(NoteItem::link).containsOnlyNulls();
            assertThat(store.guests().guests(e41.id()))
                    .containsExactly(new Guest("Mira Kovač", "https://mira.example/"));

            Episode e42 = store.episodes().episode(42).orElseThrow();
            assertThat(e42.summary())
                    .as("text before the first section is the summary")
                    .startsWith("This week: boot environments");
            assertThat(store.guests().guests(e42.id()))
                    .containsExactly(
                            new Guest("Tomás Ferreira", "https://tomas.example/"), new Guest("Hye-jin Park", null));
            assertThat(store.notes().notes(e42.id()).get(4).items().get(1).summary())
                    .as("a list item without a link is all title; indented lines continue it")
                    .isEqualTo("Short answer: use resumable streams.");
            Episode e43 = store.episodes().episode(43).orElseThrow();
            assertThat(e43.publishedAt()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
            assertThat(store.notes().notes(e43.id()))
                    .extracting(Section::heading)
                    .containsExactly("Headlines", "News Roundup", "Beastie Bits", "Feedback/Questions");

            List<MarkdownImport.Result> second = importer.importAll(fixture());
            assertThat(second)
                    .as("importing the same files again changes nothing")
                    .extracting(MarkdownImport.Result::outcome)
                    .containsOnly(MarkdownImport.Outcome.UNCHANGED);
            assertThat(store.episodes().episodes()).hasSize(3);
            Episode again = store.episodes().episode(41).orElseThrow();
            assertThat(again.guid()).isEqualTo(e41.guid());
            assertThat(again.id()).isEqualTo(e41.id());
            assertThat(store.notes().notes(e41.id())).isEqualTo(notes);
            assertThat(store.guests().guests(e41.id())).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aMalformedFileIsReportedWithFileAndLineAndTheOthersAreImported(String kind) throws Exception {
        copy(fixture(), tmp);
        Path bad = Files.createDirectories(tmp.resolve("0040-broken"));
        Files.writeString(bad.resolve("notes.md"), """
                number: 40
                title: Broken
                date: 2026-02-19

                ## Headlines

                Some words that belong to no item.
                """, StandardCharsets.UTF_8);
        Files.createDirectories(tmp.resolve("0039-empty"));
        try (Database db = TestDatabases.open(kind)) {
            ShowStores store = ShowStores.of(db, Clock.systemUTC());
            List<MarkdownImport.Result> results = new MarkdownImport(store.imports()).importAll(tmp);
            assertThat(results)
                    .extracting(MarkdownImport.Result::outcome)
                    .containsExactly(
                            MarkdownImport.Outcome.FAILED,
                            MarkdownImport.Outcome.FAILED,
                            MarkdownImport.Outcome.ADDED,
                            MarkdownImport.Outcome.ADDED,
                            MarkdownImport.Outcome.ADDED);
            assertThat(results.get(0).message()).contains("0039-empty: no notes.md or episode.md and no .md file");
            assertThat(results.get(1).message())
                    .isEqualTo(bad.resolve("notes.md") + ":7: text outside an item in"
                            + " section \"Headlines\"; start an item with ### [Title](link) or - [Title](link) – summary"
                            + " above it");
            assertThat(store.episodes().episodes()).extracting(Episode::number).containsExactly(43, 42, 41);
        }
    }

    @Test
    void malformedFrontMatterAndLinksNameTheLine() {
        ShowNotesParser parser = new ShowNotesParser();
        Path file = Path.of("0007-x/notes.md");
        assertThatThrownBy(() -> parser.parse(file, "0007-x", "number: seven\ntitle: T\ndate: 2026-01-01\n"))
                .isInstanceOf(ShowNotesException.class)
                .hasMessage(file + ":1: number \"seven\" is not a whole number; write it in digits, e.g. number: 42");
        assertThatThrownBy(() -> parser.parse(file, "0007-x", "title: T\ndate: 1 March\n"))
                .hasMessageStartingWith(file + ":2: date \"1 March\" is not a date");
        assertThatThrownBy(() -> parser.parse(file, "x", "title: T\ndate: 2026-01-01\n"))
                .hasMessageStartingWith(file + ":1: no episode number");
        assertThatThrownBy(() -> parser.parse(file, "0007-x", "title: T\nhost: me\n"))
                .hasMessageStartingWith(file + ":2: unknown front matter key \"host\"");
        assertThatThrownBy(() -> parser.parse(file, "0007-x", "---\ntitle: T\ndate: 2026-01-01\n\n## A\n"))
                .hasMessageStartingWith(file + ":5: \"## A\" is not a front matter line");
        assertThatThrownBy(() -> parser.parse(file, "0007-x", "---\ntitle: T\ndate: 2026-01-01\n"))
                .hasMessageStartingWith(file + ":1: the front matter opened with --- is never closed");
        assertThatThrownBy(() -> parser.parse(
                        file,
                        "0007-x",
                        "title: T\ndate: 2026-01-01\n\n## Headlines\n\n- [Title] (https://x.example/)\n"))
                .hasMessageStartingWith(file + ":6: a broken link");
        assertThatThrownBy(() -> parser.parse(
                        file, "0007-x", "title: T\ndate: 2026-01-01\n\n## Headlines\n\n### [Title](/relative)\n"))
                .hasMessageStartingWith(file + ":6: the link \"/relative\" of \"Title\" is not an absolute");
        assertThatThrownBy(() -> parser.parse(file, "0007-x", "title: T\ndate: 2026-01-01\n\n# Big\n"))
                .hasMessageStartingWith(file + ":4: a level-1 heading");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
