package org.callisto.show;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Importing a show's archive written from a notes template with the variations years of hand editing leave: no
 * preamble, CRLF and a BOM, {@code *}, {@code -} and {@code +} bullets, nested bullets, bare addresses, HTML bits,
 * broken links, placeholders, empty sections, a date with a placeholder day, feedback files with and without an
 * extension. Runs on SQLite and PostgreSQL.
 */
class ArchiveImportTest {
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    @TempDir
    Path dir;

    private void write() throws Exception {
        Path e100 = Files.createDirectories(dir.resolve("100/feedback"));
        String notes = "\uFEFF## Headlines  \n"
                + "### [First story](https://one.example/a)\n"
                + "> quote with a bare address https://bare.example/x and<br>a break\n"
                + "+ [Sub link](https://sub.example/)\n"
                + "***\n"
                + "###[](https://empty.example/)\n"
                + "## Interview - Kirk McKusick - [kirk@example.org](mailto:kirk@example.org) / [@kirk](https://twitter.com/kirk)\n"
                + "Interview topic\n"
                + "We talked about *FFS*, see https://ffs.example/\n"
                + "## Beastie Bits\n"
                + "* [Bit one](https://bit.example/1)\n"
                + "  * nested [deep](https://deep.example/)\n"
                + "- Two links [a](https://a.example/) and [b](https://b.example/)\n"
                + "+ [Broken](https://broken.example/path\n"
                + "+ [Stray](https://stray.example/) a stray _ here\n"
                + "<a href=\"https://html.example/\">html link</a>\n"
                + "## Tarsnap\n"
                + "## Feedback/Questions\n"
                + "+ Ann - [Question](https://github.com/BSDNow/bsdnow.tv/blob/master/episodes/100/feedback/"
                + "Ann%20-%20Question.md)\n"
                + "+ Bob - [No extension](https://github.com/BSDNow/bsdnow.tv/blob/master/episodes/100/feedback/"
                + "Bob%20-%20no%20extension)\n";
        Files.writeString(
                dir.resolve("100/BSD Now Show Notes Ep 100 (2015-07-22).md"),
                notes.replace("\n", "\r\n"),
                StandardCharsets.UTF_8);
        Files.writeString(e100.resolve("Ann - Question.md"), "Hi,\r\n\r\nhow do I zfs?\r\n");
        Files.writeString(dir.resolve("100/Bob - no extension"), "Hello from Bob.");
        Files.createDirectories(dir.resolve("101"));
        Files.writeString(dir.resolve("101/BSD Now Show Notes Ep 101 (2015-07-xx).md"), """
                ***INFORMATIONAL ONLY***
                Title: Real title
                Description: What it is about
                Date: 2015-XX-XX
                Tags: zfs, jails, … ADD NEW TAGS FOR EACH EPISODE
                ***NOTES***
                ## Headlines
                ### [Only story](https://only.example/)
                > Summary.
                """);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void variedTemplateNotesImportWithEveryLinkAndEachProblemReported(String kind) throws Exception {
        write();
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.fixed(NOW, ZoneOffset.UTC));
            FeedbackStore feedback = new FeedbackStore(db);
            MarkdownImport importer = new MarkdownImport(show.imports(), feedback, Clock.fixed(NOW, ZoneOffset.UTC));
            List<MarkdownImport.Result> results = importer.importAll(dir);
            assertThat(results)
                    .extracting(MarkdownImport.Result::outcome)
                    .containsExactly(MarkdownImport.Outcome.ADDED, MarkdownImport.Outcome.ADDED);
            assertThat(results.getFirst().feedback().added()).isEqualTo(2);

            Episode e100 = show.episodes().episode(100).orElseThrow();
            assertThat(e100.title()).isEqualTo("First story");
            assertThat(e100.publishedAt()).isEqualTo(Instant.parse("2015-07-22T00:00:00Z"));
            EpisodeNotes notes = show.episodeNotes().notes(e100);
            assertThat(notes.sections())
                    .extracting(Section::heading)
                    .containsExactly(
                            "Headlines",
                            "Interview - Kirk McKusick - kirk@example.org / @kirk",
                            "Beastie Bits",
                            "Tarsnap",
                            "Feedback/Questions");
            String html = ShowNotesHtml.render(notes, "https://site.example/", null);
            for (String href : List.of(
                    "https://one.example/a",
                    "https://bare.example/x",
                    "https://sub.example/",
                    "https://empty.example/",
                    "mailto:kirk@example.org",
                    "https://twitter.com/kirk",
                    "https://ffs.example/",
                    "https://bit.example/1",
                    "https://deep.example/",
                    "https://a.example/",
                    "https://b.example/",
                    "https://broken.example/path",
                    "https://stray.example/",
                    "https://html.example/")) {
                assertThat(html).as("a link to %s in\n%s", href, html).contains("href=\"" + href + "\"");
            }
            assertThat(html)
                    .contains(">https://empty.example/</a>")
                    .doesNotContain("Interview topic")
                    .doesNotContain("&lt;br");
            List<NoteItem> questions = notes.sections().get(4).items();
            assertThat(questions).extracting(NoteItem::sourceKind).containsOnly(SourceKind.FEEDBACK);
            Feedback ann = feedback.feedback(questions.getFirst().sourceId()).orElseThrow();
            assertThat(ann.name()).isEqualTo("Ann");
            assertThat(ann.subject()).isEqualTo("Question");
            assertThat(ann.message()).isEqualTo("Hi,\n\nhow do I zfs?");
            assertThat(ann.usedInEpisode()).isEqualTo(100);
            assertThat(ann.status()).isEqualTo(FeedbackStatus.ANSWERED);
            assertThat(feedback.feedback(questions.get(1).sourceId())
                            .orElseThrow()
                            .subject())
                    .isEqualTo("no extension");

            Path file = dir.resolve("100/BSD Now Show Notes Ep 100 (2015-07-22).md");
            assertThat(results.getFirst().problems())
                    .extracting(ImportProblem::toString)
                    .contains(
                            file + ":14:3: a link has no closing ) at the end of the line; closed it there",
                            file + ":8:1: \"Interview topic\" under \"Interview - Kirk McKusick - kirk@example.org"
                                    + " / @kirk\" is a template placeholder; dropped it",
                            file + ":1:1: no title (the preamble's Title: is empty); titled it \"First story\" after"
                                    + " its first item; give a Title: to name it")
                    .anySatisfy(p -> assertThat(p).startsWith(file + ":15:").contains("a stray _"))
                    .anySatisfy(p -> assertThat(p).startsWith(file + ":6:").contains("a link with no text"))
                    .anySatisfy(p -> assertThat(p).startsWith(file + ":16:1: a link written in HTML"));

            Episode e101 = show.episodes().episode(101).orElseThrow();
            assertThat(e101.title()).isEqualTo("Real title");
            assertThat(e101.summary()).isEqualTo("What it is about");
            assertThat(e101.publishedAt())
                    .as("a week after episode 100")
                    .isEqualTo(Instant.parse("2015-07-29T00:00:00Z"));
            assertThat(new TagStore(db).tags(e101.id())).containsExactly("zfs", "jails");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void importingTwiceChangesNothingAndANewerCopyUpdatesWhatChanged(String kind) throws Exception {
        write();
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            MarkdownImport importer = new MarkdownImport(show.imports(), new FeedbackStore(db), Clock.systemUTC());
            importer.importAll(dir);
            Instant changed = show.changes().lastChange(NOW);
            List<MarkdownImport.Result> again = importer.importAll(dir);
            assertThat(again).extracting(MarkdownImport.Result::outcome).containsOnly(MarkdownImport.Outcome.UNCHANGED);
            assertThat(again.getFirst().feedback()).isEqualTo(new MarkdownImport.Counts(0, 0, 2));
            assertThat(show.changes().lastChange(NOW)).isEqualTo(changed);

            Path notes = dir.resolve("101/BSD Now Show Notes Ep 101 (2015-07-xx).md");
            Files.writeString(notes, Files.readString(notes).replace("Summary.", "A better summary."));
            Files.writeString(dir.resolve("100/Bob - no extension"), "Hello again from Bob.");
            List<MarkdownImport.Result> newer = importer.importAll(dir);
            assertThat(newer)
                    .extracting(MarkdownImport.Result::outcome)
                    .containsExactly(MarkdownImport.Outcome.UNCHANGED, MarkdownImport.Outcome.UPDATED);
            assertThat(newer.getFirst().feedback()).isEqualTo(new MarkdownImport.Counts(0, 1, 1));
            Episode e101 = show.episodes().episode(101).orElseThrow();
            assertThat(show.notes()
                            .notes(e101.id())
                            .getFirst()
                            .items()
                            .getFirst()
                            .summary())
                    .isEqualTo("> A better summary.");
            assertThat(show.episodes().episodes()).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void strictRefusesAnEpisodeWithProblemsAndWritesNothingOfIt(String kind) throws Exception {
        write();
        Files.writeString(dir.resolve("101/BSD Now Show Notes Ep 101 (2015-07-xx).md"), """
                Title: Clean
                Date: 2015-07-29

                ## Headlines
                ### [Only story](https://only.example/)
                > Summary.
                """);
        try (Database db = TestDatabases.open(kind)) {
            ShowStores show = ShowStores.of(db, Clock.systemUTC());
            List<MarkdownImport.Result> results =
                    new MarkdownImport(show.imports(), new FeedbackStore(db), Clock.systemUTC()).importAll(dir, true);
            assertThat(results)
                    .extracting(MarkdownImport.Result::outcome)
                    .containsExactly(MarkdownImport.Outcome.REFUSED, MarkdownImport.Outcome.ADDED);
            assertThat(results.getFirst().message()).endsWith("problems; fix them or import without --strict");
            assertThat(results.getFirst().problems()).hasSizeGreaterThan(4);
            assertThat(show.episodes().episode(100)).isEmpty();
            assertThat(show.episodes().episode(101).orElseThrow().title()).isEqualTo("Clean");
        }
    }
}
