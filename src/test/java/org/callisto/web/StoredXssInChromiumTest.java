package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.account.Accounts;
import org.callisto.mail.TestMailServer;
import org.callisto.planet.Category;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Stored script injection through every field a member, an editor or an account name can fill, shown in headless
 * Chromium with the site's Content-Security-Policy switched off ({@link ScriptProbe}), so escaping and sanitizing
 * alone must hold.
 *
 * <p>Each payload of {@link XssPayloads} goes, with a marker number that names the field, into: a story's title,
 * dept line, intro and body in plain text, Markdown and HTML, its source link, its topics (the planet's category
 * names), comments in the three formats, an editor's reject reason, the reasons for hiding and locking (and, for
 * about half of the payloads, banning), and account names (refused at registration, so also written straight into
 * the database). The stories, comments and decisions go through the site's own forms with their CSRF tokens.
 * Every page where one shows is then loaded and provoked as a reader, an editor, the submitting member and the
 * hostile-named member: the journal, story pages, the editor queue, account pages, the moderation log, and the Atom
 * and RSS feeds of stories and comments. No marker may fire, no active markup may be left, and text fields must be
 * shown as typed.
 *
 * <p>{@link #theProbeCatchesTheSamePagesWithEscapingUndone()} shows the same pages, entities decoded, to prove the
 * check can fail on this site's real markup; {@link XssControlTest} does the same for every payload.
 */
class StoredXssInChromiumTest {
    private static final Pattern STORY = Pattern.compile("^/stories/([0-9]+)$");
    private static final Pattern COMMENT = Pattern.compile("^/stories/([0-9]+)#comment-([0-9]+)$");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** Marker numbers: field * 100 + payload index. */
    private static final int TITLE = 1;

    private static final int DEPT = 2;
    private static final int TEXT_INTRO = 3;
    private static final int TEXT_BODY = 4;
    private static final int SOURCE = 5;
    private static final int MD_INTRO = 6;
    private static final int MD_BODY = 7;
    private static final int HTML_INTRO = 8;
    private static final int HTML_BODY = 9;
    private static final int COMMENT_TEXT = 10;
    private static final int COMMENT_MD = 11;
    private static final int COMMENT_HTML = 12;
    private static final int REJECT = 13;
    private static final int HIDE = 14;
    private static final int LOCK = 15;
    private static final int BAN = 16;
    private static final int TOPIC = 17;
    private static final int USERNAME = 18;
    private static final int FORM = 19;
    private static final int NOTE = 20;
    private static final int TAG = 21;
    private static final int FLAG = 22;

    private static final List<String> TOPICS = List.of(p(TOPIC, 1), p(TOPIC, 3), p(TOPIC, 7));
    /** Names no registration allows, written into the database: the three a member's, the last an editor's. */
    private static final List<String> HOSTILE_NAMES =
            List.of(p(USERNAME, 0), p(USERNAME, 3), p(USERNAME, 4), p(USERNAME, 7));

    private static TestMailServer smtp;
    private static PlanetSite site;
    private static Browser browser;
    private static ScriptProbe probe;
    private static WebClient editor;
    /** Per payload: the published plain-text story, its rejected sibling, and their member. */
    private static final List<Long> published = new ArrayList<>();

    private static final List<Long> rejected = new ArrayList<>();
    private static final List<Long> markdown = new ArrayList<>();
    private static final List<WebClient> members = new ArrayList<>();
    private static final List<WebClient> hostileMembers = new ArrayList<>();
    private static final List<Long> hostileStories = new ArrayList<>();
    private static int storedHtmlStories;
    private static int storedHtmlComments;

    /** Payload {@code index} with the marker number of {@code field}. */
    static String p(int field, int index) {
        return XssPayloads.ALL.get(index).at(field * 100 + index);
    }

    @BeforeAll
    static void start() throws Exception {
        smtp = new TestMailServer();
        Map<String, String> settings = new java.util.HashMap<>(smtp.settings());
        settings.put("journal.registration", "open");
        site = new PlanetSite("sqlite", settings);
        site.subscriptions.addFeed("https://hostile.example/feed.xml", "Hostile categories", TOPICS);
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("editor1", JournalWebTest.PASSWORD);
        accounts.createAdmin("editor2", JournalWebTest.PASSWORD);
        editor = login("editor1");
        WebClient hostileEditor = login("editor2");
        int n = XssPayloads.ALL.size();
        for (int i = 0; i < n; i++) {
            WebClient m = member("xa" + i);
            members.add(m);
            String title = p(TITLE, i);
            String dept = p(DEPT, i);
            String topic = TOPICS.get(i % TOPICS.size());
            String source = "https://hostile.example/'onmouseover='xss(" + (SOURCE * 100 + i) + ")'";
            long s = submit(
                    m,
                    "action",
                    "submit",
                    "title",
                    title,
                    "dept",
                    dept.length() <= 80 ? dept : "",
                    "topic",
                    topic,
                    "format",
                    "text",
                    "intro",
                    p(TEXT_INTRO, i),
                    "body",
                    p(TEXT_BODY, i),
                    "source",
                    source);
            published.add(s);
            long md = submit(
                    m,
                    "action",
                    "submit",
                    "title",
                    "Markdown " + p(TITLE, i),
                    "format",
                    "markdown",
                    "intro",
                    p(MD_INTRO, i),
                    "body",
                    p(MD_BODY, i),
                    "topic",
                    topic);
            markdown.add(md);
            HttpResponse<String> html = m.submit(
                    "/submit",
                    "/submit",
                    "action",
                    "submit",
                    "title",
                    "HTML " + i,
                    "format",
                    "html",
                    "intro",
                    p(HTML_INTRO, i),
                    "body",
                    p(HTML_BODY, i));
            assertThat(html.statusCode()).as(html.body()).isIn(303, 400);
            storedHtmlStories += html.statusCode() == 303 ? 1 : 0;
            long r = submit(
                    m, "action", "submit", "title", "To be rejected " + i, "format", "text", "intro", "An intro");
            rejected.add(r);
            decide(s, "accept", "");
            decide(md, "accept", "");
            decide(r, "reject", p(REJECT, i));

            String page = "/stories/" + s;
            long text = comment(m, s, "text", p(COMMENT_TEXT, i));
            comment(m, s, "markdown", p(COMMENT_MD, i));
            HttpResponse<String> htmlComment =
                    m.submit(page, page + "/comments", "format", "html", "text", p(COMMENT_HTML, i));
            assertThat(htmlComment.statusCode()).as(htmlComment.body()).isIn(303, 400);
            storedHtmlComments += htmlComment.statusCode() == 303 ? 1 : 0;
            moderate(editor, page, "/comments/" + text + "/hide", p(HIDE, i));
            if (banned(i)) {
                WebClient banned = member("xb" + i);
                long bannedComment = comment(banned, s, "text", "a comment before a ban");
                moderate(editor, page, "/comments/" + bannedComment + "/ban", p(BAN, i));
            }
            moderate(editor, page, page + "/lock", p(LOCK, i));
        }
        for (int k = 0; k < HOSTILE_NAMES.size() - 1; k++) {
            WebClient h = member("hostile" + k);
            long s = submit(
                    h,
                    "action",
                    "submit",
                    "title",
                    "By a hostile name " + k,
                    "format",
                    "text",
                    "intro",
                    "An intro",
                    "topic",
                    TOPICS.getFirst());
            decide(s, "accept", "");
            comment(h, s, "text", "a comment under a hostile name");
            comment(h, markdown.getFirst(), "text", "a reply to xa0 under a hostile name");
            hostileMembers.add(h);
            hostileStories.add(s);
            rename("hostile" + k, HOSTILE_NAMES.get(k));
        }
        rename("editor2", HOSTILE_NAMES.getLast());
        long last = hostileStories.getLast();
        String page = "/stories/" + last;
        WebClient other = member("plainreader");
        long theirs = comment(other, last, "text", "to be hidden by the hostile-named editor");
        moderate(hostileEditor, page, "/comments/" + theirs + "/hide", "hidden by an editor with a hostile name");
        long hostileComment = commentIds(editor.get(page).body()).getFirst();
        moderate(editor, page, "/comments/" + hostileComment + "/ban", "banning a hostile name");
        browser = Browser.launch();
        probe = new ScriptProbe(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void storedPayloadsNeverRunOnReadersPages() {
        assertThat(storedHtmlStories + storedHtmlComments)
                .as("some HTML payloads pass validation and are stored")
                .isPositive();
        asAnonymous();
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (String path : List.of(
                "/journal",
                "/journal/atom.xml",
                "/journal/rss.xml",
                "/moderation",
                "/category/" + Category.slugOf(TOPICS.getFirst()))) {
            reports.add(probe.visit(site.uri(path)));
        }
        for (int i = 0; i < published.size(); i++) {
            ScriptProbe.Report story = probe.visit(site.uri("/stories/" + published.get(i)));
            reports.add(story);
            assertThat(story.text())
                    .as("title, dept and topic as typed")
                    .contains(p(TITLE, i))
                    .contains(TOPICS.get(i % TOPICS.size()));
            if (p(DEPT, i).length() <= 80) {
                assertThat(story.text()).contains("from the " + p(DEPT, i) + " dept.");
            }
            if (i < 3) { // one template for every story's comment feed; their text is in the journal's feeds too
                reports.add(probe.visit(site.uri("/stories/" + published.get(i) + "/comments.atom")));
            }
        }
        for (long s : markdown) {
            reports.add(probe.visit(site.uri("/stories/" + s)));
        }
        for (long s : hostileStories) {
            ScriptProbe.Report story = probe.visit(site.uri("/stories/" + s));
            reports.add(story);
            reports.add(probe.visit(site.uri("/stories/" + s + "/comments.atom")));
        }
        ScriptProbe.Report log = reports.get(3);
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            assertThat(log.text())
                    .as("moderation reasons as typed")
                    .contains(p(HIDE, i))
                    .contains(p(LOCK, i));
            if (banned(i)) {
                assertThat(log.text()).contains(p(BAN, i));
            }
        }
        assertThat(log.text()).contains("account " + HOSTILE_NAMES.get(2)).contains(HOSTILE_NAMES.getLast());
        assertQuiet(reports);
    }

    @Test
    void storedPayloadsNeverRunOnEditorsPages() {
        as(editor);
        List<ScriptProbe.Report> reports = new ArrayList<>();
        ScriptProbe.Report queue = probe.visit(site.uri("/editor/queue"));
        reports.add(queue);
        assertThat(queue.text()).containsPattern("HTML [0-9]+");
        reports.add(probe.visit(site.uri("/account")));
        for (long s : published) {
            reports.add(probe.visit(site.uri("/stories/" + s)));
        }
        reports.add(probe.visit(site.uri("/stories/" + rejected.getFirst())));
        for (long s : hostileStories) {
            ScriptProbe.Report story = probe.visit(site.uri("/stories/" + s));
            reports.add(story);
        }
        assertThat(reports.getLast().text())
                .as("the ban form names the hostile account as typed")
                .contains("Ban " + HOSTILE_NAMES.get(2));
        assertQuiet(reports);
    }

    @Test
    void rejectReasonsNeverRunOnTheSubmittersPages() {
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            as(members.get(i));
            ScriptProbe.Report account = probe.visit(site.uri("/account"));
            reports.add(account);
            assertThat(account.text()).contains(p(TITLE, i)).contains("rejected: " + p(REJECT, i));
            ScriptProbe.Report story = probe.visit(site.uri("/stories/" + rejected.get(i)));
            reports.add(story);
            assertThat(story.text()).contains("Rejected by the editors: " + p(REJECT, i));
        }
        assertQuiet(reports);
    }

    @Test
    void hostileAccountNamesNeverRunWhereTheyShow() {
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (int k = 0; k < hostileMembers.size() - 1; k++) { // the last one is banned
            as(hostileMembers.get(k));
            for (String path : List.of("/account", "/journal", "/stories/" + published.getFirst())) {
                ScriptProbe.Report r = probe.visit(site.uri(path));
                reports.add(r);
                assertThat(r.text()).as(path).contains(HOSTILE_NAMES.get(k));
            }
        }
        assertQuiet(reports);
    }

    @Test
    void registrationRefusesMarkupInNamesAndTheRefusalAndLoginFormNeverRun() {
        asAnonymous();
        WebDriver d = browser.driver();
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (int i : new int[] {0, 3, 4, 7, 8}) {
            browser.open(site.uri("/register"));
            String name = p(USERNAME, i);
            browser.script(
                    "document.getElementById('username').value = arguments[0];"
                            + "document.getElementById('password').value = arguments[1];"
                            + "document.getElementById('password2').value = arguments[1];",
                    name,
                    JournalWebTest.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            ScriptProbe.Report r = probe.check(site.uri("/register").toString());
            reports.add(r);
            assertThat(r.text()).containsAnyOf("which is not allowed", "the username is too long");
            assertThat(Accounts.of(site.db, site.config, Clock.systemUTC())
                            .store()
                            .userByName(name))
                    .isEmpty();
        }
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            String q = java.net.URLEncoder.encode(p(FORM, i), StandardCharsets.UTF_8);
            reports.add(probe.visit(site.uri("/login?registered=" + q + "&next=/" + q)));
        }
        assertQuiet(reports);
    }

    @Test
    void submissionFormsSentBackWithPayloadsNeverRun() {
        as(members.getFirst());
        WebDriver d = browser.driver();
        List<ScriptProbe.Report> reports = new ArrayList<>();
        List<String> formats = List.of("html", "markdown", "text");
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            for (String format : List.of(formats.get(i % 3))) {
                browser.open(site.uri("/submit"));
                String payload = p(FORM, i);
                String source = format.equals("text")
                        ? "javascript:xss(" + (SOURCE * 100 + i) + ")"
                        : "https://hostile.example/'onmouseover='xss(" + (SOURCE * 100 + i) + ")'";
                browser.script(
                        "for (const id of ['title', 'dept', 'intro', 'body']) {"
                                + " document.getElementById(id).value = arguments[0]; }"
                                + "document.getElementById('source').value = arguments[2];"
                                + "document.getElementById('topic-0').checked = true;"
                                + "document.querySelector('[name=format][value=' + arguments[1] + ']').checked = true;",
                        payload,
                        format,
                        source);
                browser.clickAndWait(d.findElement(By.cssSelector("button[value=preview]")));
                reports.add(probe.check(site.uri("/submit").toString()));
            }
        }
        assertQuiet(reports);
    }

    @Test
    void profileNotesRefusedTagsAndFlagReasonsAndHostileNamesOnProfilesNeverRun() {
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String path = "/users/xa" + i;
            HttpResponse<String> r = editor.submit(path, path + "/notes", "note", p(NOTE, i));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }
        as(editor);
        for (int i = 0; i < members.size(); i++) {
            ScriptProbe.Report profile = probe.visit(site.uri("/users/xa" + i));
            assertThat(profile.text()).contains(p(NOTE, i));
            reports.add(profile);
        }
        for (int k = 0; k < HOSTILE_NAMES.size(); k++) {
            String name = java.net.URLEncoder.encode(HOSTILE_NAMES.get(k), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            reports.add(probe.visit(site.uri("/users/" + name)));
        }

        as(members.getFirst());
        WebDriver d = browser.driver();
        String story = "/stories/" + published.get(1);
        for (int i = 0; i < XssPayloads.ALL.size(); i++) {
            browser.open(site.uri("/account/tags"));
            browser.script("document.getElementById('hidden-tags').value = arguments[0];", p(TAG, i));
            browser.clickAndWait(d.findElement(By.cssSelector("main form button[type=submit]")));
            reports.add(probe.check(site.uri("/account/tags").toString()));

            browser.open(site.uri(story));
            browser.script(
                    "document.querySelector('details.flag').open = true;"
                            + " const s = document.querySelector('select[name=reason]');"
                            + " s.options[0].value = arguments[0]; s.selectedIndex = 0;",
                    p(FLAG, i));
            browser.clickAndWait(d.findElement(By.cssSelector("details.flag button[type=submit]")));
            ScriptProbe.Report refused = probe.check(site.uri(story + "/flag").toString());
            assertThat(refused.text()).contains("is not a reason to flag");
            reports.add(refused);
        }
        assertQuiet(reports);
    }

    @Test
    void notificationTextsWithHostileTitlesAndActorNamesNeverRun() {
        List<ScriptProbe.Report> reports = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            as(members.get(i));
            ScriptProbe.Report list = probe.visit(site.uri("/notifications"));
            reports.add(list);
            assertThat(list.text())
                    .as("accepted and rejected, titles as typed")
                    .contains("your submission “" + p(TITLE, i) + "” was accepted")
                    .contains("your submission “To be rejected " + i + "” was rejected")
                    .contains("Notifications (");
        }
        for (int k = 0; k < HOSTILE_NAMES.size() - 1; k++) {
            assertThat(reports.getFirst().text()).contains(HOSTILE_NAMES.get(k) + " replied on");
        }
        as(editor);
        ScriptProbe.Report tree = probe.visit(site.uri("/admin/invitations"));
        assertThat(tree.text()).contains(HOSTILE_NAMES.getFirst());
        reports.add(tree);
        assertQuiet(reports);
    }

    @Test
    void theProbeCatchesTheSamePagesWithEscapingUndone() {
        asAnonymous();
        String story = site.get("/stories/" + published.getFirst()).body();
        String log = site.get("/moderation").body();
        for (String page : List.of(story, log)) {
            String undone = page.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&#34;", "\"")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
            assertThat(undone).isNotEqualTo(page);
            String url = "data:text/html;base64,"
                    + Base64.getEncoder().encodeToString(undone.getBytes(StandardCharsets.UTF_8));
            browser.open(URI.create(url));
            ScriptProbe.Report r = probe.check(browser.currentUrl());
            assertThat(r.hits())
                    .as(r.toString())
                    .anyMatch(h ->
                            h.startsWith("xss(" + (TITLE * 100) + ")") || h.startsWith("xss(" + (HIDE * 100) + ")"));
        }
    }

    // ---- helpers

    /**
     * Whether payload {@code i} is also a ban reason: a ban needs an account of its own, and the reason shows in the
     * same cell of the log as those of hiding and locking, which get every payload.
     */
    private static boolean banned(int i) {
        return i % 4 == 0 || XssPayloads.ALL.get(i).runsRaw() && i % 4 == 1;
    }

    private static void assertQuiet(List<ScriptProbe.Report> reports) {
        assertThat(reports.stream()
                        .filter(r -> !r.quiet())
                        .map(ScriptProbe.Report::toString)
                        .toList())
                .as("pages where script ran or active markup was left")
                .isEmpty();
    }

    private static void asAnonymous() {
        browser.open(site.uri("/static/callisto.css"));
        browser.driver().manage().deleteAllCookies();
    }

    private static void as(WebClient client) {
        asAnonymous();
        browser.driver().manage().addCookie(new Cookie("callisto_session", client.cookie("callisto_session"), "/"));
    }

    private static WebClient login(String name) {
        WebClient c = new WebClient(site.uri("/"));
        JournalWebTest.login(c, name);
        return c;
    }

    private static WebClient member(String name) {
        Accounts.of(site.db, site.config, Clock.systemUTC())
                .register(
                        name,
                        JournalWebTest.PASSWORD,
                        null,
                        "10.9." + ADDRESSES.incrementAndGet() / 200 + "." + ADDRESSES.get() % 200);
        return login(name);
    }

    private static long submit(WebClient c, String... fields) {
        HttpResponse<String> r = c.submit("/submit", "/submit", fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = STORY.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void decide(long story, String decision, String reason) {
        HttpResponse<String> r = editor.submit(
                "/editor/queue",
                "/editor/queue",
                "story",
                Long.toString(story),
                "decision",
                decision,
                "reason",
                reason);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    private static long comment(WebClient c, long story, String format, String text) {
        String page = "/stories/" + story;
        HttpResponse<String> r = c.submit(page, page + "/comments", "format", format, "text", text);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = COMMENT.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(2));
    }

    private static void moderate(WebClient moderator, String page, String action, String reason) {
        HttpResponse<String> r = moderator.submit(page, action, "reason", reason);
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(303);
    }

    /** Ids of the comments in a page, in order. */
    private static List<Long> commentIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<li id=\"comment-([0-9]+)\"").matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** Gives an account a name that registration would refuse, straight in the database. */
    private static void rename(String from, String to) throws Exception {
        try (Connection c = site.db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE users SET username = ? WHERE username_key = ?")) {
            ps.setString(1, to);
            ps.setString(2, from);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
