package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.callisto.show.Feedback;
import org.callisto.show.ImportProblem;
import org.callisto.show.MarkdownImport;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real show's archive (BSD Now's notes and listener feedback, read in place from {@code ../shared/corpora/bsdnow})
 * imported by {@code show import-markdown}'s code and served over real sockets: every episode folder with notes
 * imports, every feedback file becomes a public message answered in its episode, and every link of the notes (as a
 * Markdown parser counts them) is a link on the episode page fetched over HTTP. Runs on SQLite and PostgreSQL.
 */
@ParameterizedClass
@MethodSource("org.callisto.db.TestDatabases#kinds")
class ShowArchiveImportWebTest {
    private static final Path CORPUS = Path.of("../shared/corpora/bsdnow/episodes");
    /** Links the notes template puts in the interview heading for the hosts to replace (dropped, with a warning). */
    private static final List<String> PLACEHOLDERS = List.of("mailto:email@email", "https://twitter.com/user");

    private static PlanetSite site;
    private static List<MarkdownImport.Result> results;

    @org.junit.jupiter.params.Parameter
    String kind;

    @BeforeParameterizedClassInvocation
    static void start(String kind) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "the bsdnow corpus is not at " + CORPUS.toAbsolutePath());
        site = new PlanetSite(kind);
        results = site.callisto.markdownImport().importAll(CORPUS);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyEpisodeFolderImportsAndNoneFails() throws IOException {
        List<Path> withNotes = notesFiles();
        assertThat(withNotes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(results)
                .filteredOn(r -> r.outcome() == MarkdownImport.Outcome.FAILED)
                .as("failed folders")
                .isEmpty();
        assertThat(results)
                .filteredOn(r -> r.outcome() == MarkdownImport.Outcome.ADDED)
                .hasSize(withNotes.size());
        for (MarkdownImport.Result r : results) {
            for (ImportProblem p : r.problems()) {
                assertThat(p.toString()).matches("(?s).+:\\d+:\\d+: .+; .+");
            }
        }
        MarkdownImport.Result e349 =
                results.stream().filter(r -> r.number() == 349).findFirst().orElseThrow();
        assertThat(e349.problems())
                .extracting(ImportProblem::toString)
                .anySatisfy(p -> assertThat(p)
                        .endsWith(":60:3: a link has no closing ) at the end of the line;" + " closed it there"))
                .anySatisfy(p -> assertThat(p).contains(":8:").contains("\"2020-XX-XX\" is a placeholder, not a date"))
                .anySatisfy(p -> assertThat(p).contains(":38:1: \"BR: ?\" under \"Interview\" is a template"));
    }

    @Test
    void everyFeedbackFileIsAPublicMessageAnsweredInItsEpisode() throws IOException {
        List<Path> files;
        List<Path> notes = notesFiles();
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !notes.contains(p))
                    .toList();
        }
        int imported = results.stream().mapToInt(r -> r.feedback().total()).sum();
        assertThat(imported).isEqualTo(files.size());
        HttpResponse<String> greg = null;
        for (long id = 1; id <= files.size(); id++) {
            Feedback f = site.callisto.feedback().store().feedback(id).orElseThrow();
            assertThat(f.usedInEpisode()).isNotNull();
            if ("Greg".equals(f.name()) && f.subject().equals("Lenovos")) {
                assertThat(f.usedInEpisode()).isEqualTo(350);
                greg = site.get("/feedback/" + id);
            }
        }
        assertThat(greg).isNotNull();
        assertThat(greg.statusCode()).isEqualTo(200);
        assertThat(greg.body())
                .contains("<h1>Lenovos</h1>")
                .contains("Listener feedback from Greg")
                .contains("<a href=\"/episodes/350\">episode 350</a>");
    }

    @Test
    void everyLinkOfTheNotesIsALinkOnTheEpisodePage() throws IOException {
        for (Path file : notesFiles()) {
            int number = Integer.parseInt(file.getParent().getFileName().toString());
            Map<String, Integer> source = new HashMap<>();
            Parser.builder()
                    .build()
                    .parse(Files.readString(file, StandardCharsets.UTF_8))
                    .accept(new AbstractVisitor() {
                        @Override
                        public void visit(Link link) {
                            if (!PLACEHOLDERS.contains(link.getDestination())) {
                                source.merge(link.getDestination(), 1, Integer::sum);
                            }
                            visitChildren(link);
                        }
                    });
            assertThat(source).as("links in %s", file).hasSizeGreaterThan(10);
            HttpResponse<String> page = site.get("/episodes/" + number);
            assertThat(page.statusCode()).isEqualTo(200);
            Map<String, Integer> onPage = new HashMap<>();
            List<String> feedbackPages = new ArrayList<>();
            for (Element a : Jsoup.parse(page.body()).select("a[href]")) {
                onPage.merge(a.attr("href"), 1, Integer::sum);
                if (a.attr("href").matches("/feedback/\\d+")) {
                    feedbackPages.add(a.attr("href"));
                }
            }
            source.forEach((href, count) -> assertThat(onPage.getOrDefault(href, 0))
                    .as("links to %s on episode %d's page", href, number)
                    .isGreaterThanOrEqualTo(count));
            assertThat(feedbackPages)
                    .as("feedback items of episode %d link to their pages", number)
                    .hasSize(3);
            for (String f : feedbackPages) {
                assertThat(site.get(f).statusCode()).isEqualTo(200);
            }
            assertThat(page.body())
                    .doesNotContain("INFORMATIONAL ONLY")
                    .doesNotContain("ADD NEW TAGS")
                    .doesNotContain("Interview topic")
                    .doesNotContain("!!!");
        }
    }

    @Test
    void importingTheArchiveAgainChangesNothing() throws IOException {
        java.time.Instant before = site.callisto.show().changes().lastChange(java.time.Instant.EPOCH);
        List<MarkdownImport.Result> again = site.callisto.markdownImport().importAll(CORPUS);
        assertThat(again)
                .extracting(MarkdownImport.Result::outcome)
                .containsOnly(MarkdownImport.Outcome.UNCHANGED, MarkdownImport.Outcome.FEEDBACK_ONLY);
        assertThat(again.stream()
                        .mapToInt(r -> r.feedback().added() + r.feedback().updated())
                        .sum())
                .isZero();
        assertThat(site.callisto.show().changes().lastChange(java.time.Instant.EPOCH))
                .isEqualTo(before);
    }

    @Test
    void aPrivateMessageHasNoPublicPage() {
        long id = site.callisto
                .feedback()
                .send("Ann", null, "Private", "Only for the editors.", "192.0.2.9")
                .id();
        HttpResponse<String> r = site.get("/feedback/" + id);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Only for the editors.");
    }

    private static List<Path> notesFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS, 2)) {
            return walk.filter(p -> p.getFileName().toString().startsWith("BSD Now Show Notes"))
                    .sorted()
                    .toList();
        }
    }
}
