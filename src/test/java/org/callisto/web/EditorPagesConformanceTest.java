package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callisto.show.FeedbackStatus;
import org.callisto.show.FeedbackStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback form, its thank-you page, the editors' feedback queue, the episode editor with search results and
 * refusals, and an episode page with curated items pass the Nu Html Checker with no error (as
 * {@link JournalConformanceTest} does for the journal).
 */
class EditorPagesConformanceTest {
    @TempDir
    Path dir;

    @Test
    void feedbackAndEpisodeEditorPagesHaveNoConformanceError() throws Exception {
        try (ShowEditing f = new ShowEditing("sqlite", dir);
                NuChecker checker = new NuChecker()) {
            Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
            WebClient anonymous = f.anonymous();
            pages.put("feedback form", anonymous.get("/feedback"));
            pages.put(
                    "feedback refused",
                    anonymous.submit(
                            "/feedback",
                            "/feedback",
                            "name",
                            "<Ana>",
                            "email",
                            "not an address",
                            "subject",
                            "",
                            "message",
                            "a < b & c\n\nd"));
            pages.put("feedback thanks", anonymous.get("/feedback?sent"));
            anonymous.submit(
                    "/feedback",
                    "/feedback",
                    "name",
                    "Priya",
                    "email",
                    "priya@listener.example",
                    "subject",
                    "Graphite <questions>",
                    "message",
                    "Line one\nline two\n\nhttps://example.org/x <b>");
            anonymous.submit("/feedback", "/feedback", "subject", "Graphite praise", "message", "Thanks!");
            WebClient editor = f.client("editor1");
            pages.put("feedback queue", editor.get("/editor/feedback"));
            long id = new FeedbackStore(f.site.db)
                    .withStatus(FeedbackStatus.NEW, 10)
                    .getLast()
                    .id();
            editor.submit(
                    "/editor/feedback", "/editor/feedback", "feedback", Long.toString(id), "decision", "archived");
            pages.put("feedback queue with archived", editor.get("/editor/feedback"));
            pages.put(
                    "feedback queue refused",
                    editor.submit("/editor/feedback", "/editor/feedback", "feedback", "x", "decision", "answered"));
            pages.put("episode list", editor.get("/editor/episodes"));
            pages.put(
                    "episode list refused",
                    editor.submit(
                            "/editor/episodes",
                            "/editor/episodes",
                            "number",
                            "2",
                            "title",
                            "<dup>",
                            "published",
                            "soon",
                            "summary",
                            "x"));
            pages.put("episode editor", editor.get("/editor/episodes/2"));
            String search = editor.get("/editor/episodes/2?q=graphite").body();
            pages.put("episode editor with results", editor.get("/editor/episodes/2?q=graphite"));
            pages.put("episode editor, nothing found", editor.get("/editor/episodes/2?q=zzzz"));
            pages.put("episode editor, search refused", editor.get("/editor/episodes/2?q=x"));
            Map<String, String> sections = EpisodeEditingWebTest.sections(search);
            long entry = f.site.entries.river(0, 100).stream()
                    .filter(x -> "Upgrading Graphite".equals(x.title()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            editor.submit(
                    "/editor/episodes/2",
                    "/editor/episodes/2",
                    "action",
                    "curate",
                    "kind",
                    "planet",
                    "source",
                    Long.toString(entry),
                    "section",
                    sections.get("Headlines"));
            long open = new FeedbackStore(f.site.db)
                    .withStatus(FeedbackStatus.NEW, 10)
                    .getFirst()
                    .id();
            editor.submit(
                    "/editor/episodes/2",
                    "/editor/episodes/2",
                    "action",
                    "curate",
                    "kind",
                    "feedback",
                    "source",
                    Long.toString(open),
                    "section",
                    sections.get("Feedback/Questions"));
            editor.submit(
                    "/editor/episodes/2",
                    "/editor/episodes/2",
                    "action",
                    "curate",
                    "kind",
                    "journal",
                    "source",
                    Long.toString(f.story.id()),
                    "section",
                    sections.get("News Roundup"));
            pages.put("episode editor with curated items", editor.get("/editor/episodes/2?q=graphite"));
            pages.put(
                    "episode editor refused",
                    editor.submit(
                            "/editor/episodes/2",
                            "/editor/episodes/2",
                            "action",
                            "episode",
                            "title",
                            "<b>x</b>",
                            "published",
                            "never",
                            "summary",
                            "s"));
            pages.put("episode page with sources", anonymous.get("/episodes/2"));
            pages.put("feedback queue with a used item", editor.get("/editor/feedback"));
            pages.put("403 for members", f.client("member1").get("/editor/episodes"));
            pages.forEach((name, r) -> {
                NuChecker.Report report = checker.checkHtml(
                        r.body().getBytes(StandardCharsets.UTF_8),
                        f.site.uri("/").toString());
                report.warnings().forEach(w -> System.out.println("nu checker warning, " + name + ":" + w));
                assertThat(report.errors())
                        .as("Nu Html Checker errors in %s (status %d)\n%s", name, r.statusCode(), r.body())
                        .isEmpty();
            });
            assertThat(pages.get("episode page with sources").body()).contains("via planet: Alice Liddell");
        }
    }
}
