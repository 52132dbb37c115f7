package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.show.Feedback;
import org.callisto.show.FeedbackStatus;
import org.callisto.show.FeedbackStore;
import org.callisto.show.ListenerFeedback;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Listener feedback over real HTTP, on SQLite and PostgreSQL: the public form (valid, missing fields, a bad email,
 * too long, hostile text, no CSRF token, the per-address limit) and the editors' queue (who may see it, marking
 * answered, archived and open again). The sender's email is never on a public page.
 */
class FeedbackWebTest {
    private static final String EMAIL = "priya@listener.example";

    private static PlanetSite site(String kind) {
        PlanetSite site = new PlanetSite(kind, Map.of("journal.registration", "open"));
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("editor1", JournalWebTest.PASSWORD);
        accounts.register("member1", JournalWebTest.PASSWORD, null, "10.8.0.1");
        return site;
    }

    private static HttpResponse<String> send(WebClient c, String... fields) {
        return c.submit("/feedback", "/feedback", fields);
    }

    private static List<Feedback> stored(PlanetSite site) {
        return new FeedbackStore(site.db).withStatus(FeedbackStatus.NEW, 100);
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aListenerSendsAQuestionAndIsThanked(String kind) {
        try (PlanetSite site = site(kind)) {
            WebClient listener = new WebClient(site.uri("/"));
            HttpResponse<String> form = listener.get("/feedback");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("<h1>Feedback and questions</h1>").contains("name=\"csrf\"");
            HttpResponse<String> r = send(
                    listener,
                    "name",
                    "Priya",
                    "email",
                    EMAIL,
                    "subject",
                    "Snapshots?",
                    "message",
                    "How many ZFS snapshots are too many?\r\n\r\nI keep 400 <b>per</b> dataset.");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/feedback?sent");
            assertThat(listener.get("/feedback?sent").body()).contains("Thank you for your feedback");
            List<Feedback> all = stored(site);
            assertThat(all).hasSize(1);
            Feedback f = all.getFirst();
            assertThat(f.name()).isEqualTo("Priya");
            assertThat(f.email()).isEqualTo(EMAIL);
            assertThat(f.subject()).isEqualTo("Snapshots?");
            assertThat(f.message()).isEqualTo("How many ZFS snapshots are too many?\n\nI keep 400 <b>per</b> dataset.");

            WebClient anonymous = new WebClient(site.uri("/"));
            HttpResponse<String> noName = send(anonymous, "subject", "Anonymous praise", "message", "Great show");
            assertThat(noName.statusCode()).as(noName.body()).isEqualTo(303);
            assertThat(stored(site)).extracting(Feedback::from).containsExactly("Priya", "A listener");
            for (String page : List.of("/feedback", "/feedback?sent", "/episodes", "/journal", "/")) {
                assertThat(site.get(page).body()).as(page).doesNotContain(EMAIL);
            }

            WebClient editor = new WebClient(site.uri("/"));
            JournalWebTest.login(editor, "editor1");
            String queue = editor.get("/editor/feedback").body();
            assertThat(queue)
                    .contains("Snapshots?")
                    .contains(EMAIL)
                    .contains("<p>How many ZFS snapshots are too many?</p>")
                    .contains("I keep 400 &lt;b&gt;per&lt;/b&gt; dataset.")
                    .doesNotContain("<b>per</b>");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void refusalsSayWhichFieldIsWrongAndStoreNothing(String kind) {
        try (PlanetSite site = site(kind)) {
            WebClient c = new WebClient(site.uri("/"));
            HttpResponse<String> noSubject = send(c, "name", "Ana", "message", "Hello there");
            assertThat(noSubject.statusCode()).isEqualTo(400);
            assertThat(noSubject.body())
                    .contains("The subject is empty")
                    .contains("value=\"Ana\"")
                    .contains(">Hello there</textarea>");
            HttpResponse<String> noMessage = send(c, "subject", "Hi", "message", "  \n ");
            assertThat(noMessage.statusCode()).isEqualTo(400);
            assertThat(noMessage.body()).contains("The message is empty");
            HttpResponse<String> badEmail = send(c, "email", "not-an-address", "subject", "Hi", "message", "Text");
            assertThat(badEmail.statusCode()).isEqualTo(400);
            assertThat(badEmail.body()).contains("The email address 'not-an-address' does not look like one");
            HttpResponse<String> longMessage =
                    send(c, "subject", "Long", "message", "x".repeat(ListenerFeedback.MAX_MESSAGE + 1));
            assertThat(longMessage.statusCode()).isEqualTo(400);
            assertThat(longMessage.body()).contains("The message has 10001 characters, more than the 10000 allowed");
            HttpResponse<String> longSubject = send(c, "subject", "s".repeat(201), "message", "m");
            assertThat(longSubject.statusCode()).isEqualTo(400);
            assertThat(longSubject.body()).contains("The subject has 201 characters, more than the 200 allowed");
            HttpResponse<String> longName = send(c, "name", "n".repeat(101), "subject", "s", "message", "m");
            assertThat(longName.statusCode()).isEqualTo(400);
            assertThat(longName.body()).contains("The name has 101 characters");
            assertThat(stored(site)).isEmpty();

            HttpResponse<String> hostile = send(
                    c,
                    "name",
                    "<script>alert(1)</script>\u0000",
                    "subject",
                    "'; DROP TABLE feedback; --\u0000",
                    "message",
                    "\u0000<img src=x onerror=alert(1)>\u202e%_\\");
            assertThat(hostile.statusCode()).as(hostile.body()).isEqualTo(303);
            Feedback f = stored(site).getFirst();
            assertThat(f.name()).isEqualTo("<script>alert(1)</script>");
            assertThat(f.subject()).isEqualTo("'; DROP TABLE feedback; --");
            WebClient editor = new WebClient(site.uri("/"));
            JournalWebTest.login(editor, "editor1");
            assertThat(editor.get("/editor/feedback").body())
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img")
                    .contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void withoutItsTokenTheFormIsRefusedWith403(String kind) {
        try (PlanetSite site = site(kind)) {
            WebClient c = new WebClient(site.uri("/"));
            c.get("/feedback");
            HttpResponse<String> none = c.post("/feedback", "subject", "Hi", "message", "No token");
            assertThat(none.statusCode()).isEqualTo(403);
            assertThat(none.body()).contains("without its security token");
            HttpResponse<String> wrong = c.post("/feedback", "csrf", "x".repeat(43), "subject", "Hi", "message", "m");
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(stored(site)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void oneAddressMaySendFiveMessagesAnHourThenWaits(String kind) {
        try (PlanetSite site = site(kind)) {
            WebClient c = new WebClient(site.uri("/"));
            assertThat(send(c, "subject", "Refused, not counted", "message", "").statusCode())
                    .isEqualTo(400);
            for (int i = 0; i < ListenerFeedback.RATE.limit(); i++) {
                assertThat(send(c, "subject", "Message " + i, "message", "Text " + i)
                                .statusCode())
                        .isEqualTo(303);
            }
            HttpResponse<String> limited = send(c, "subject", "One too many", "message", "Text");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L));
            assertThat(limited.body())
                    .contains("Too many feedback messages from your address; try again in 12 minutes")
                    .contains("value=\"One too many\"");
            assertThat(stored(site)).hasSize(ListenerFeedback.RATE.limit());
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void onlyEditorsSeeAndHandleTheQueue(String kind) {
        try (PlanetSite site = site(kind)) {
            WebClient listener = new WebClient(site.uri("/"));
            send(listener, "subject", "First question", "message", "One");
            send(listener, "subject", "Second question", "message", "Two");
            long first = stored(site).getFirst().id();
            long second = stored(site).get(1).id();

            WebClient anonymous = new WebClient(site.uri("/"));
            HttpResponse<String> login = anonymous.get("/editor/feedback");
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("/login?next=/editor/feedback");
            assertThat(anonymous
                            .post("/editor/feedback", "feedback", Long.toString(first), "decision", "archived")
                            .statusCode())
                    .isEqualTo(403);
            WebClient member = new WebClient(site.uri("/"));
            JournalWebTest.login(member, "member1");
            assertThat(member.get("/editor/feedback").statusCode()).isEqualTo(403);
            String memberToken = WebClient.csrf(member.get("/feedback").body(), "/feedback");
            assertThat(member.post(
                                    "/editor/feedback",
                                    "csrf",
                                    memberToken,
                                    "feedback",
                                    Long.toString(first),
                                    "decision",
                                    "archived")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(stored(site)).hasSize(2);

            WebClient editor = new WebClient(site.uri("/"));
            JournalWebTest.login(editor, "editor1");
            assertThat(editor.post("/editor/feedback", "feedback", Long.toString(first), "decision", "answered")
                            .statusCode())
                    .as("no token")
                    .isEqualTo(403);
            HttpResponse<String> answered = editor.submit(
                    "/editor/feedback", "/editor/feedback", "feedback", Long.toString(first), "decision", "answered");
            assertThat(answered.statusCode()).isEqualTo(303);
            assertThat(editor.submit(
                                    "/editor/feedback",
                                    "/editor/feedback",
                                    "feedback",
                                    Long.toString(second),
                                    "decision",
                                    "archived")
                            .statusCode())
                    .isEqualTo(303);
            FeedbackStore store = new FeedbackStore(site.db);
            assertThat(store.feedback(first).orElseThrow().status()).isEqualTo(FeedbackStatus.ANSWERED);
            assertThat(store.feedback(second).orElseThrow().status()).isEqualTo(FeedbackStatus.ARCHIVED);
            String queue = editor.get("/editor/feedback").body();
            assertThat(queue)
                    .contains("No message is waiting")
                    .contains("Answered and archived")
                    .contains("First question")
                    .contains("– answered")
                    .contains("– archived");
            assertThat(editor.submit(
                                    "/editor/feedback",
                                    "/editor/feedback",
                                    "feedback",
                                    Long.toString(second),
                                    "decision",
                                    "reopen")
                            .statusCode())
                    .isEqualTo(303);
            assertThat(store.feedback(second).orElseThrow().status()).isEqualTo(FeedbackStatus.NEW);
            HttpResponse<String> unknown =
                    editor.submit("/editor/feedback", "/editor/feedback", "feedback", "999999", "decision", "answered");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("There is no feedback message 999999");
            HttpResponse<String> junk = editor.submit(
                    "/editor/feedback", "/editor/feedback", "feedback", "1 OR 1=1", "decision", "answered");
            assertThat(junk.statusCode()).isEqualTo(400);
            assertThat(junk.body()).contains("did not say which message");
        }
    }
}
