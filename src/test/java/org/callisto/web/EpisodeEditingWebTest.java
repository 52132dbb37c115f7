package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.show.Episode;
import org.callisto.show.FeedbackStatus;
import org.callisto.show.FeedbackStore;
import org.callisto.show.NoteItem;
import org.callisto.show.NoteStore;
import org.callisto.show.Section;
import org.callisto.show.SourceKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Episode editing and curation over real HTTP, on SQLite and PostgreSQL: who may edit, creating an episode with
 * the default sections, changing details, sections and items with every refusal, and curating planet entries,
 * journal stories and listener feedback into sections, which keep their source on the episode page and reach the
 * MP3 podcast feed.
 */
class EpisodeEditingWebTest {
    private static final Pattern SECTION = Pattern.compile("id=\"section-([0-9]+)\" aria-labelledby=\"heading-[0-9]+\">"
            + "\\s*<h3 id=\"heading-[0-9]+\">([^<]+)</h3>");

    @TempDir
    Path dir;

    /** The ids of an episode's sections by heading, read from its editing page. */
    static java.util.Map<String, String> sections(String html) {
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        Matcher m = SECTION.matcher(html);
        while (m.find()) {
            ids.put(m.group(2).replace("&#47;", "/"), m.group(1));
        }
        return ids;
    }

    private static HttpResponse<String> change(WebClient c, int number, String... fields) {
        String page = "/editor/episodes/" + number;
        String[] all = new String[fields.length + 0];
        System.arraycopy(fields, 0, all, 0, fields.length);
        return c.submit(page, page, all);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void onlyEditorsEditEpisodesAndEveryFormNeedsItsToken(String kind) {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient anonymous = f.anonymous();
            HttpResponse<String> r = anonymous.get("/editor/episodes");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/login?next=/editor/episodes");
            assertThat(anonymous.get("/editor/episodes/2").headers().firstValue("Location"))
                    .hasValue("/login?next=/editor/episodes/2");
            assertThat(anonymous
                            .post("/editor/episodes", "number", "9", "title", "T")
                            .statusCode())
                    .isEqualTo(403);
            WebClient member = f.client("member1");
            assertThat(member.get("/editor/episodes").statusCode()).isEqualTo(403);
            assertThat(member.get("/editor/episodes/2").statusCode()).isEqualTo(403);
            assertThat(member.post("/editor/episodes/2", "action", "delete-section", "section", "1")
                            .statusCode())
                    .isEqualTo(403);
            WebClient editor = f.client("editor1");
            assertThat(editor.post(
                                    "/editor/episodes",
                                    "number",
                                    "9",
                                    "title",
                                    "No token",
                                    "published",
                                    "2026-01-01T10:00")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(editor.post("/editor/episodes/2", "action", "add-section", "heading", "No token")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(f.show.episodes().episode(9)).isEmpty();
            long two = f.show.episodes().episode(2).orElseThrow().id();
            assertThat(f.show.notes().notes(two)).extracting(Section::heading).doesNotContain("No token");
            assertThat(editor.get("/editor/episodes/99").statusCode()).isEqualTo(404);
            assertThat(editor.get("/editor/episodes/..%2F1").statusCode()).isIn(400, 404);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void anEditorCreatesAnEpisodeAndEditsItsNotes(String kind) {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            String list = editor.get("/editor/episodes").body();
            assertThat(list).contains("value=\"3\"").contains("Ports, packages and poudriere");
            HttpResponse<String> created = editor.submit(
                    "/editor/episodes",
                    "/editor/episodes",
                    "number",
                    "7",
                    "title",
                    "Jails <everywhere>",
                    "published",
                    "2026-01-05T18:00",
                    "summary",
                    "A *jail* episode.");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            assertThat(created.headers().firstValue("Location")).hasValue("/editor/episodes/7");
            Episode e = f.show.episodes().episode(7).orElseThrow();
            assertThat(e.title()).isEqualTo("Jails <everywhere>");
            assertThat(e.publishedAt()).hasToString("2026-01-05T18:00:00Z");
            assertThat(f.show.notes().notes(e.id()))
                    .extracting(Section::heading)
                    .containsExactlyElementsOf(Section.DEFAULT_HEADINGS);

            for (String[] bad : List.of(
                    new String[] {"7", "Again", "2026-01-05T18:00", "Episode 7 exists already"},
                    new String[] {"x7", "T", "2026-01-05T18:00", "The episode number &#39;x7&#39; is not"},
                    new String[] {"8", " ", "2026-01-05T18:00", "The title is empty"},
                    new String[] {"8", "T".repeat(201), "2026-01-05T18:00", "The title has 201 characters"},
                    new String[] {"8", "T", "yesterday", "The publish time &#39;yesterday&#39; is not a date"})) {
                HttpResponse<String> r = editor.submit(
                        "/editor/episodes",
                        "/editor/episodes",
                        "number",
                        bad[0],
                        "title",
                        bad[1],
                        "published",
                        bad[2],
                        "summary",
                        "");
                assertThat(r.statusCode()).as(bad[3]).isEqualTo(400);
                assertThat(r.body().replace("'", "&#39;")).contains(bad[3]);
            }
            assertThat(f.show.episodes().episode(8)).isEmpty();

            HttpResponse<String> details = change(
                    editor,
                    7,
                    "action",
                    "episode",
                    "title",
                    "Jails everywhere",
                    "published",
                    "2020-01-05 18:30",
                    "summary",
                    "Now **released**.");
            assertThat(details.statusCode()).as(details.body()).isEqualTo(303);
            assertThat(f.show.episodes().episode(7).orElseThrow().title()).isEqualTo("Jails everywhere");
            String page = editor.get("/editor/episodes/7").body();
            java.util.Map<String, String> ids = sections(page);
            assertThat(ids.keySet()).containsExactlyElementsOf(Section.DEFAULT_HEADINGS);

            assertThat(change(editor, 7, "action", "add-section", "heading", "Errata")
                            .statusCode())
                    .isEqualTo(303);
            ids = sections(editor.get("/editor/episodes/7").body());
            assertThat(change(
                                    editor,
                                    7,
                                    "action",
                                    "rename-section",
                                    "section",
                                    ids.get("Errata"),
                                    "heading",
                                    "Corrections")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(change(editor, 7, "action", "move-section", "section", ids.get("Errata"), "direction", "up")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(change(editor, 7, "action", "delete-section", "section", ids.get("Interview"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(f.show.notes().notes(e.id()))
                    .extracting(Section::heading)
                    .containsExactly("Headlines", "News Roundup", "Beastie Bits", "Corrections", "Feedback/Questions");

            String headlines = ids.get("Headlines");
            for (String[] item : List.of(
                    new String[] {"First story", "https://one.example/a"},
                    new String[] {"Second story", ""},
                    new String[] {"Third story", "http://three.example/"})) {
                HttpResponse<String> r = change(
                        editor,
                        7,
                        "action",
                        "add-item",
                        "section",
                        headlines,
                        "title",
                        item[0],
                        "link",
                        item[1],
                        "summary",
                        "About " + item[0]);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            }
            List<NoteStore.StoredItem> items =
                    f.show.notes().storedNotes(e.id()).getFirst().items();
            assertThat(items)
                    .extracting(i -> i.item().title())
                    .containsExactly("First story", "Second story", "Third story");
            String third = Long.toString(items.get(2).id());
            String first = Long.toString(items.get(0).id());
            assertThat(change(editor, 7, "action", "move-item", "item", third, "direction", "up")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(change(
                                    editor,
                                    7,
                                    "action",
                                    "edit-item",
                                    "item",
                                    first,
                                    "title",
                                    "First story, edited",
                                    "link",
                                    "https://one.example/b",
                                    "summary",
                                    "Edited *summary*")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(change(
                                    editor,
                                    7,
                                    "action",
                                    "delete-item",
                                    "item",
                                    Long.toString(items.get(1).id()))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(change(editor, 7, "action", "item-to-section", "item", third, "section", ids.get("Beastie Bits"))
                            .statusCode())
                    .isEqualTo(303);
            List<NoteStore.StoredSection> stored = f.show.notes().storedNotes(e.id());
            assertThat(stored.getFirst().items())
                    .extracting(i -> i.item())
                    .containsExactly(NoteItem.of("First story, edited", "https://one.example/b", "Edited *summary*"));
            assertThat(stored.get(2).items()).extracting(i -> i.item().title()).containsExactly("Third story");

            for (String[] bad : List.of(
                    new String[] {"add-item", "link", "javascript:alert(1)", "is not an absolute http or https"},
                    new String[] {"add-item", "link", "ftp://files.example/x", "is not an absolute http or https"},
                    new String[] {"add-item", "link", "/relative", "is not an absolute http or https"},
                    new String[] {"add-item", "title", "", "The item title is empty"},
                    new String[] {"add-item", "summary", "s".repeat(4001), "The item summary has 4001 characters"},
                    new String[] {"add-item", "section", "999999", "Section 999999 is not part of this episode"},
                    new String[] {"add-item", "section", "1 OR 1=1", "did not say which section"},
                    new String[] {"rename-section", "heading", "h".repeat(101), "The section heading has 101"},
                    new String[] {"frobnicate", "title", "x", "asked for no known change"})) {
                java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(java.util.Map.of(
                        "action", bad[0], "section", headlines, "title", "A title", "link", "", "summary", "",
                        "heading", "Heading"));
                fields.put(bad[1], bad[2]);
                String[] flat = fields.entrySet().stream()
                        .flatMap(x -> java.util.stream.Stream.of(x.getKey(), x.getValue()))
                        .toArray(String[]::new);
                HttpResponse<String> r = change(editor, 7, flat);
                assertThat(r.statusCode()).as(bad[3]).isEqualTo(400);
                assertThat(r.body()).as(bad[3]).contains(bad[3]);
            }
            assertThat(f.show.notes().storedNotes(e.id()).getFirst().items()).hasSize(1);

            String episode = f.site.get("/episodes/7").body();
            assertThat(episode)
                    .contains("Jails everywhere")
                    .contains("<strong>released</strong>")
                    .contains("<h2>Headlines</h2>")
                    .contains("<a href=\"https://one.example/b\">First story, edited</a>")
                    .contains("<em>summary</em>")
                    .contains("<h2>Beastie Bits</h2>")
                    .doesNotContain("Second story")
                    .doesNotContain("<h2>Interview</h2>");
            assertThat(f.site.get("/show/feeds/itunes.xml").body())
                    .doesNotContain("Jails everywhere")
                    .as("episode 7 has no MP3, so no podcast feed carries it");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void guestsSeasonTypeAndExplicitAreEditedAndReachThePageAndTheFeeds(String kind) {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient editor = f.client("editor1");
            HttpResponse<String> saved = change(
                    editor,
                    2,
                    "action",
                    "more",
                    "guests",
                    "Ana O'Neil <https://ana.example/>; Bo \"Tables\"",
                    "season",
                    "3",
                    "type",
                    "bonus",
                    "explicit",
                    "yes");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            Episode two = f.show.episodes().episode(2).orElseThrow();
            assertThat(two.season()).isEqualTo(3);
            assertThat(two.type()).hasToString("BONUS");
            assertThat(two.explicit()).isTrue();
            assertThat(f.show.guests().guests(two.id()))
                    .extracting(g -> g.name() + "|" + g.link())
                    .containsExactly("Ana O'Neil|https://ana.example/", "Bo \"Tables\"|null");
            String form = editor.get("/editor/episodes/2").body();
            assertThat(form).contains("value=\"3\"").contains("<option value=\"bonus\" selected>");
            assertThat(f.site.get("/episodes/2").body()).contains("Ana O'Neil").contains("Bo \"Tables\"");
            String feed = f.site.get("/show/feeds/mp3.xml").body();
            assertThat(feed)
                    .contains("<itunes:season>3</itunes:season>")
                    .contains("<itunes:episodeType>bonus</itunes:episodeType>")
                    .contains("role=\"guest\" href=\"https://ana.example/\">Ana O'Neil</podcast:person>");

            for (String[] bad : List.of(
                    new String[] {"season", "0", "The season &#39;0&#39; is not a whole number"},
                    new String[] {"type", "movie", "The episode type &#39;movie&#39; is not full"},
                    new String[] {"guests", "Eve <javascript:alert(1)>", "is not an absolute http or https"})) {
                java.util.List<String> fields = new java.util.ArrayList<>(
                        List.of("action", "more", "guests", "Ana", "season", "", "type", "full"));
                int at = fields.indexOf(bad[0]);
                fields.set(at + 1, bad[1]);
                HttpResponse<String> r = change(editor, 2, fields.toArray(String[]::new));
                assertThat(r.statusCode()).as(bad[2]).isEqualTo(400);
                assertThat(r.body().replace("'", "&#39;")).contains(bad[2]);
            }
            assertThat(f.show.episodes().episode(2).orElseThrow().season()).isEqualTo(3);
            assertThat(f.show.guests().guests(two.id())).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void curatedItemsKeepTheirSourceOnTheEpisodePageAndInTheMp3Feed(String kind) {
        try (ShowEditing f = new ShowEditing(kind, dir)) {
            WebClient listener = f.anonymous();
            assertThat(listener.submit(
                                    "/feedback",
                                    "/feedback",
                                    "name",
                                    "Priya",
                                    "email",
                                    "priya@listener.example",
                                    "subject",
                                    "Graphite on a Raspberry Pi?",
                                    "message",
                                    "Does the Graphite port build on arm64?")
                            .statusCode())
                    .isEqualTo(303);
            long feedbackId = new FeedbackStore(f.site.db)
                    .withStatus(FeedbackStatus.NEW, 10)
                    .getFirst()
                    .id();
            WebClient editor = f.client("editor1");
            String page = "/editor/episodes/2";

            HttpResponse<String> search = editor.get(page + "?q=graphite");
            assertThat(search.statusCode()).isEqualTo(200);
            String html = search.body();
            long entryId = f.site.entries.river(0, 100).stream()
                    .filter(x -> "Upgrading Graphite".equals(x.title()))
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThat(html)
                    .contains("id=\"result-planet-" + entryId + "\"")
                    .contains("Planet entry – Alice Liddell")
                    .contains("id=\"result-feedback-" + feedbackId + "\"")
                    .contains("Listener feedback – Priya")
                    .doesNotContain("priya@listener.example")
                    .contains("<button type=\"submit\">Add to Headlines</button>")
                    .contains("<button type=\"submit\">Add to Feedback/Questions</button>");
            assertThat(editor.get(page + "?q=" + URLEncoder.encode("JAILS and", StandardCharsets.UTF_8))
                            .body())
                    .contains("id=\"result-journal-" + f.story.id() + "\"")
                    .contains("Journal story – member1");
            assertThat(editor.get(page + "?q=%25%25").body())
                    .doesNotContain("class=\"search-result\"")
                    .contains("Nothing matches");
            HttpResponse<String> tooShort = editor.get(page + "?q=x");
            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(tooShort.body()).contains("Search for at least 2 characters");

            java.util.Map<String, String> ids = sections(html);
            HttpResponse<String> added = change(
                    editor,
                    2,
                    "action",
                    "curate",
                    "kind",
                    "planet",
                    "source",
                    Long.toString(entryId),
                    "section",
                    ids.get("Headlines"),
                    "q",
                    "graphite");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            assertThat(added.headers().firstValue("Location")).hasValue(page + "?q=graphite#results");
            assertThat(change(
                                    editor,
                                    2,
                                    "action",
                                    "curate",
                                    "kind",
                                    "journal",
                                    "source",
                                    Long.toString(f.story.id()),
                                    "section",
                                    ids.get("News Roundup"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(change(
                                    editor,
                                    2,
                                    "action",
                                    "curate",
                                    "kind",
                                    "feedback",
                                    "source",
                                    Long.toString(feedbackId),
                                    "section",
                                    ids.get("Feedback/Questions"))
                            .statusCode())
                    .isEqualTo(303);
            for (String[] bad : List.of(
                    new String[] {"planet", "999999", "Planet entry 999999 is no longer"},
                    new String[] {"comments", "1", "named no known source"},
                    new String[] {"feedback", "424242", "Feedback message 424242 is gone"})) {
                HttpResponse<String> r = change(
                        editor,
                        2,
                        "action",
                        "curate",
                        "kind",
                        bad[0],
                        "source",
                        bad[1],
                        "section",
                        ids.get("Headlines"));
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(r.body()).contains(bad[2]);
            }

            Episode two = f.show.episodes().episode(2).orElseThrow();
            List<Section> notes = f.show.notes().notes(two.id());
            NoteItem planet = notes.getFirst().items().getLast();
            assertThat(planet.title()).isEqualTo("Upgrading Graphite");
            assertThat(planet.link()).isEqualTo("https://example.org/a1");
            assertThat(planet.summary()).startsWith("Recently swills@ upgraded Graphite.");
            assertThat(planet.sourceKind()).isEqualTo(SourceKind.PLANET);
            assertThat(planet.sourceId()).isEqualTo(entryId);
            NoteItem story = notes.stream()
                    .filter(s -> s.heading().equals("News Roundup"))
                    .findFirst()
                    .orElseThrow()
                    .items()
                    .getLast();
            assertThat(story)
                    .isEqualTo(new NoteItem(
                            "Jails and bhyve on one host",
                            "http://planet.test/stories/" + f.story.id(),
                            "How to run \\*bhyve\\* guests from a jail.",
                            SourceKind.JOURNAL,
                            f.story.id()));
            NoteItem question = notes.getLast().items().getLast();
            assertThat(question)
                    .isEqualTo(new NoteItem(
                            "Graphite on a Raspberry Pi?",
                            null,
                            "Priya: Does the Graphite port build on arm64?",
                            SourceKind.FEEDBACK,
                            feedbackId));
            assertThat(new FeedbackStore(f.site.db)
                            .feedback(feedbackId)
                            .orElseThrow()
                            .usedInEpisode())
                    .isEqualTo(2);
            assertThat(editor.get("/editor/feedback").body())
                    .contains("used in <a href=\"/editor/episodes/2\">episode 2</a>");
            assertThat(editor.get(page + "?q=graphite").body()).contains("already used in episode 2");

            String episode = f.site.get("/episodes/2").body();
            assertThat(episode)
                    .contains("<a href=\"https://example.org/a1\">Upgrading Graphite</a>")
                    .contains("<p class=\"item-source\"><a href=\"/entries/" + entryId
                            + "\">via planet: Alice Liddell</a></p>")
                    .contains(
                            "<p class=\"item-source\"><a href=\"/stories/" + f.story.id() + "\">journal story</a></p>")
                    .contains("<h3>Graphite on a Raspberry Pi?</h3>")
                    .contains("<p class=\"item-source\">listener feedback</p>")
                    .contains("How to run *bhyve* guests")
                    .doesNotContain("priya@listener.example");
            String feed = f.site.get("/show/feeds/mp3.xml").body();
            assertThat(feed)
                    .contains("Upgrading Graphite")
                    .contains("https://example.org/a1")
                    .contains("Jails and bhyve on one host")
                    .contains("Graphite on a Raspberry Pi?")
                    .doesNotContain("priya@listener.example");
        }
    }
}
