package org.callisto.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.callisto.account.AccountRefusal;
import org.callisto.account.AccountStore;
import org.callisto.account.Accounts;
import org.callisto.account.PasswordHasher;
import org.callisto.account.RateLimiter;
import org.callisto.account.Session;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Submitting, checking, queueing and deciding on stories, on SQLite and PostgreSQL. */
class SubmissionsTest {
    private static final String PASSWORD = "correct horse battery";

    private static final class Journal implements AutoCloseable {
        final Database db;
        final Accounts accounts;
        final Submissions submissions;

        Journal(String kind) {
            db = TestDatabases.open(kind);
            Clock clock = Clock.systemUTC();
            accounts = new Accounts(
                    new AccountStore(db),
                    new PasswordHasher(1024, 1, 1),
                    new RateLimiter(clock),
                    Config.Registration.OPEN,
                    clock);
            submissions = new Submissions(
                    new JournalStore(db, Clock.systemUTC()),
                    accounts,
                    "https://journal.test/",
                    () -> List.of("FreeBSD", "Linux"),
                    clock);
        }

        Session member(String name) {
            accounts.register(name, PASSWORD, null, "10.0.0.1");
            return accounts.login(name, PASSWORD, "10.0.0.1", null, "JUnit");
        }

        Session admin(String name) {
            accounts.createAdmin(name, PASSWORD);
            return accounts.login(name, PASSWORD, "10.0.0.1", null, "JUnit");
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static Draft draft(String title, String format, String intro, String body, String url) {
        return new Draft(title, "from the testing dept", List.of("freebsd"), format, intro, body, url);
    }

    static List<String> kinds() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void invalidHtmlIsReportedWithPlacesAndNothingIsStored(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            SubmitOutcome out = j.submissions.submit(
                    alice, draft("Broken", "html", "<p>fine</p>", "<p>one</p>\n<p>two <b>bold</p>", null));
            assertThat(out).isInstanceOf(SubmitOutcome.Invalid.class);
            Preview p = ((SubmitOutcome.Invalid) out).preview();
            assertThat(p.valid()).isFalse();
            assertThat(p.body().html()).isNull();
            assertThat(p.body().errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.line()).isEqualTo(2));
            assertThat(p.body().report())
                    .contains("<pre>")
                    .contains("&lt;b&gt;")
                    .doesNotContain("<b>");
            assertThat(j.submissions.store().byAuthor(alice.user().id())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void acceptedStoriesArePublishedNewestFirstAndRejectionsKeepTheirReason(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            Session editor = j.admin("editor1");
            Story first = stored(j.submissions.submit(
                    alice,
                    draft("First", "html", "<p>Intro <em>one</em></p>", "<p>More</p>", "https://example.org/a")));
            Story second = stored(j.submissions.submit(alice, draft("Second", "markdown", "Intro *two*", null, null)));
            Story third = stored(j.submissions.submit(alice, draft("Third", "text", "a < b & c", null, null)));
            assertThat(first.dept()).isEqualTo("testing");
            assertThat(first.topics()).containsExactly("FreeBSD");
            assertThat(first.status()).isEqualTo(StoryStatus.PENDING);
            assertThat(second.introHtml()).contains("<em>two</em>");
            assertThat(third.introHtml()).contains("a &lt; b &amp; c");
            assertThat(j.submissions.queue(editor))
                    .extracting(Story::id)
                    .containsExactly(first.id(), second.id(), third.id());
            assertThatThrownBy(() -> j.submissions.queue(alice)).isInstanceOf(JournalRefusal.class);

            j.submissions.accept(editor, first.id());
            j.submissions.accept(editor, second.id());
            Story rejected = j.submissions.reject(editor, third.id(), "Not news; see the FAQ");
            assertThat(rejected.rejectReason()).isEqualTo("Not news; see the FAQ");
            assertThat(j.submissions.published(0, 10)).extracting(Story::title).containsExactly("Second", "First");
            assertThat(j.submissions.queue(editor)).isEmpty();
            assertThatThrownBy(() -> j.submissions.accept(editor, third.id()))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("no longer waiting");
            assertThatThrownBy(() -> j.submissions.reject(editor, first.id(), " "))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("reason");
            Story published = j.submissions.store().story(first.id()).orElseThrow();
            assertThat(published.publishedAt()).isNotNull();
            assertThat(published.editorId()).isEqualTo(editor.user().id());
            assertThat(published.bodyHtml()).isEqualTo("<p>More</p>");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSecondStoryAboutTheSameLinkIsFlagged(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            Session bob = j.member("bob.b");
            Story first = stored(j.submissions.submit(alice, draft("A", "text", "x", null, "https://example.org/x")));
            SubmitOutcome.Stored again = (SubmitOutcome.Stored)
                    j.submissions.submit(bob, draft("B", "text", "y", null, " https://example.org/x "));
            assertThat(again.duplicateOf()).map(Story::id).contains(first.id());
            assertThat(again.story().duplicateOf()).contains(first.id());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sqlMetacharactersAndMarkupInFieldsAreStoredLiterally(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            String title = "Robert'); DROP TABLE stories;-- <script>alert(1)</script>";
            Story s = stored(j.submissions.submit(
                    alice,
                    new Draft(
                            title, "x' OR '1'='1", List.of(), "text", "<script>alert('intro')</script>", null, null)));
            Story back = j.submissions.store().story(s.id()).orElseThrow();
            assertThat(back.title()).isEqualTo(title);
            assertThat(back.dept()).isEqualTo("x' OR '1'='1");
            assertThat(back.introHtml()).doesNotContain("<script").contains("&lt;script&gt;");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void missingAndUnknownFieldsAreRefusedInWords(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            assertThatThrownBy(() -> j.submissions.submit(alice, draft(" ", "html", "x", null, null)))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessage("enter a title");
            assertThatThrownBy(() -> j.submissions.submit(alice, draft("t", "html", "", null, null)))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("intro");
            assertThatThrownBy(() -> j.submissions.submit(alice, draft("t", "pdf", "x", null, null)))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("html, text or markdown");
            assertThatThrownBy(() -> j.submissions.submit(alice, draft("t", "text", "x", null, "javascript:x")))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("https://");
            assertThatThrownBy(() -> j.submissions.submit(
                            alice, new Draft("t", null, List.of("Cooking"), "text", "x", null, null)))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("Cooking");
            assertThatThrownBy(() -> j.submissions.submit(null, draft("t", "text", "x", null, null)))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("log in");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoEditorsDecidingAtOnceEndWithOneDecision(String kind) throws Exception {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            Session one = j.admin("editor1");
            Session two = j.admin("editor2");
            Story s = stored(j.submissions.submit(alice, draft("Race", "text", "x", null, null)));
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var accept = pool.submit(() -> {
                    go.await();
                    return j.submissions.accept(one, s.id()).status();
                });
                var reject = pool.submit(() -> {
                    go.await();
                    return j.submissions.reject(two, s.id(), "no").status();
                });
                go.countDown();
                int refused = 0;
                for (var f : List.of(accept, reject)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause())
                                .isInstanceOf(JournalRefusal.class)
                                .hasMessageContaining("no longer waiting");
                        refused++;
                    }
                }
                assertThat(refused).isEqualTo(1);
            }
            assertThat(j.submissions.store().story(s.id()).orElseThrow().status())
                    .isNotEqualTo(StoryStatus.PENDING);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void submissionsAreRateLimited(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            for (int i = 0; i < 5; i++) {
                stored(j.submissions.submit(alice, draft("S" + i, "text", "x", null, null)));
            }
            assertThatThrownBy(() -> j.submissions.submit(alice, draft("S6", "text", "x", null, null)))
                    .isInstanceOf(AccountRefusal.class)
                    .hasMessageContaining("too many submissions");
        }
    }

    private static Story stored(SubmitOutcome out) {
        assertThat(out).isInstanceOf(SubmitOutcome.Stored.class);
        return ((SubmitOutcome.Stored) out).story();
    }
}
