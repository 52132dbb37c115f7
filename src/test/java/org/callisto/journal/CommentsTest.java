package org.callisto.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.callisto.account.AccountRefusal;
import org.callisto.account.AccountStore;
import org.callisto.account.Accounts;
import org.callisto.account.PasswordHasher;
import org.callisto.account.RateLimiter;
import org.callisto.account.Session;
import org.callisto.account.TestClock;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Threads, the depth limit, the edit window, placeholders, moderation and its log, on SQLite and PostgreSQL. */
class CommentsTest {
    private static final String PASSWORD = "correct horse battery";

    private static final class Journal implements AutoCloseable {
        final Database db;
        final TestClock clock = new TestClock();
        final Accounts accounts;
        final Submissions submissions;
        final Comments comments;
        final Session editor;
        final long story;

        Journal(String kind) {
            db = TestDatabases.open(kind);
            accounts = new Accounts(
                    new AccountStore(db),
                    new PasswordHasher(1024, 1, 1),
                    new RateLimiter(clock),
                    Config.Registration.OPEN,
                    clock);
            JournalStore stories = new JournalStore(db, Clock.systemUTC());
            submissions = new Submissions(stories, accounts, "https://journal.test/", () -> List.of("Linux"), clock);
            comments = new Comments(
                    new CommentStore(db, Clock.systemUTC()), stories, accounts, "https://journal.test/", clock);
            accounts.createAdmin("editor1", PASSWORD);
            editor = accounts.login("editor1", PASSWORD, "10.0.0.1", null, "JUnit");
            story = publish("A story");
        }

        long publish(String title) {
            Session author = member("author-" + Math.abs(title.hashCode()));
            SubmitOutcome out =
                    submissions.submit(author, new Draft(title, "", List.of(), "text", "intro", null, null));
            long id = ((SubmitOutcome.Stored) out).story().id();
            submissions.accept(editor, id);
            return id;
        }

        Session member(String name) {
            accounts.register(name, PASSWORD, null, "10.0.0." + (Math.abs(name.hashCode()) % 250));
            return accounts.login(name, PASSWORD, "10.0.0.1", null, "JUnit");
        }

        Comment post(Session s, Long parent, String format, String text) {
            return stored(comments.post(s, story, parent, format, text));
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static Comment stored(CommentOutcome out) {
        assertThat(out).isInstanceOf(CommentOutcome.Stored.class);
        return ((CommentOutcome.Stored) out).comment();
    }

    static List<String> kinds() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void repliesFormThreadsUpToTheDepthLimit(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            Comment top = j.post(alice, null, "markdown", "First *comment*");
            assertThat(top.depth()).isEqualTo(1);
            assertThat(top.threadId()).isEqualTo(top.id());
            assertThat(top.html()).contains("<em>comment</em>");
            Comment other = j.post(alice, null, "text", "second thread");
            Comment deepest = top;
            for (int d = 2; d <= Comments.MAX_DEPTH; d++) {
                deepest = j.post(alice, deepest.id(), "html", "<p>level " + d + "</p>");
                assertThat(deepest.depth()).isEqualTo(d);
                assertThat(deepest.threadId()).isEqualTo(top.id());
            }
            long last = deepest.id();
            assertThatThrownBy(() -> j.post(alice, last, "text", "too deep"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("as deep as threads go");
            assertThat(j.comments.comments(j.story))
                    .hasSize(Comments.MAX_DEPTH + 1)
                    .extracting(Comment::id)
                    .contains(other.id());
            assertThat(j.comments.counts(List.of(j.story, 999L)))
                    .containsEntry(j.story, Comments.MAX_DEPTH + 1)
                    .doesNotContainKey(999L);
            long elsewhere = j.publish("Another story");
            assertThatThrownBy(() -> j.comments.post(alice, elsewhere, top.id(), "text", "wrong story"))
                    .isInstanceOf(JournalRefusal.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDiscussionReadOnceStillShowsWhatAnotherServerWroteSince(String kind) {
        try (Journal j = new Journal(kind)) {
            Comments otherNode = new Comments(
                    new CommentStore(j.db, Clock.systemUTC()),
                    new JournalStore(j.db, Clock.systemUTC()),
                    j.accounts,
                    "https://journal.test/",
                    j.clock);
            Session alice = j.member("alice");
            j.post(alice, null, "text", "first");
            assertThat(otherNode.comments(j.story)).extracting(Comment::source).containsExactly("first");
            assertThat(otherNode.locked(j.story)).isFalse();

            j.post(alice, null, "text", "second");
            j.comments.lock(j.editor, j.story, "enough");
            assertThat(otherNode.comments(j.story)).extracting(Comment::source).containsExactly("first", "second");
            assertThat(otherNode.locked(j.story)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void invalidHtmlIsRefusedWithPlacesAndNothingIsStored(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            CommentOutcome out = j.comments.post(alice, j.story, null, "html", "<p>one</p>\n<p>two <b>bold</p>");
            assertThat(out).isInstanceOf(CommentOutcome.Invalid.class);
            Rendering r = ((CommentOutcome.Invalid) out).rendering();
            assertThat(r.html()).isNull();
            assertThat(r.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.line()).isEqualTo(2));
            assertThat(j.comments.comments(j.story)).isEmpty();
            assertThatThrownBy(() -> j.comments.post(alice, j.story, null, "text", "  "))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> j.comments.post(null, j.story, null, "text", "hi"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("log in");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sqlMetacharactersAndScriptsAreKeptAsText(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            String hostile = "'); DROP TABLE comments; -- \" \\ <script>alert(1)</script> %_";
            Comment c = j.post(alice, null, "text", hostile);
            assertThat(c.source()).isEqualTo(hostile);
            assertThat(c.html()).doesNotContain("<script>").contains("&lt;script&gt;");
            Comment h = j.post(alice, null, "html", "<p>ok</p>");
            assertThat(h.html()).isEqualTo("<p>ok</p>");
            j.comments.hide(j.editor, c.id(), hostile);
            assertThat(j.comments.log(0, 10).getFirst().reason()).isEqualTo(hostile.strip());
            assertThat(j.comments.comments(j.story)).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void authorsEditWithinTheWindowAndDeletionLeavesAPlaceholder(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            Session bob = j.member("bob");
            Comment top = j.post(alice, null, "text", "original");
            Comment reply = j.post(bob, top.id(), "text", "a reply");
            assertThatThrownBy(() -> j.comments.edit(bob, top.id(), "text", "not mine"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("only its author");
            j.clock.advance(Comments.EDIT_WINDOW.minusMinutes(1));
            assertThat(j.comments.editable(top, alice)).isTrue();
            Comment edited = stored(j.comments.edit(alice, top.id(), "markdown", "*changed*"));
            assertThat(edited.html()).contains("<em>changed</em>");
            assertThat(edited.editedAt()).isEqualTo(j.clock.instant());
            j.clock.advance(Duration.ofMinutes(1));
            assertThat(j.comments.editable(edited, alice)).isFalse();
            assertThatThrownBy(() -> j.comments.edit(alice, top.id(), "text", "too late"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("15 minutes");

            Comment deleted = j.comments.delete(alice, top.id());
            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.shown()).isFalse();
            List<Comment> all = j.comments.comments(j.story);
            assertThat(all).extracting(Comment::id).containsExactly(top.id(), reply.id());
            assertThat(all.get(1).parentId()).isEqualTo(top.id());
            assertThat(j.comments.counts(List.of(j.story))).containsEntry(j.story, 1);
            assertThatThrownBy(() -> j.comments.delete(bob, top.id())).isInstanceOf(JournalRefusal.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void hideLockAndBanAreEachLoggedNewestFirst(String kind) {
        try (Journal j = new Journal(kind)) {
            Session alice = j.member("alice");
            Session bob = j.member("bob");
            Comment c = j.post(alice, null, "text", "rude words");
            assertThatThrownBy(() -> j.comments.hide(bob, c.id(), "no"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("only editors");
            assertThatThrownBy(() -> j.comments.hide(j.editor, c.id(), " "))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("reason");
            assertThat(j.comments.hide(j.editor, c.id(), "Rude").hidden()).isTrue();
            assertThatThrownBy(() -> j.comments.hide(j.editor, c.id(), "again")).isInstanceOf(JournalRefusal.class);
            j.clock.advance(Duration.ofSeconds(1));

            j.comments.lock(j.editor, j.story, "Flame war");
            assertThat(j.comments.locked(j.story)).isTrue();
            assertThatThrownBy(() -> j.post(bob, null, "text", "more"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("locked");
            assertThatThrownBy(() -> j.comments.lock(j.editor, j.story, "twice"))
                    .isInstanceOf(JournalRefusal.class);
            j.clock.advance(Duration.ofSeconds(1));
            j.comments.unlock(j.editor, j.story, "Calmer now");
            j.post(bob, null, "text", "open again");
            j.clock.advance(Duration.ofSeconds(1));

            j.comments.ban(j.editor, alice.user().id(), "Repeated abuse");
            assertThat(j.accounts.store().user(alice.user().id()).orElseThrow().banned())
                    .isTrue();
            assertThat(j.accounts.session(alice.id())).isEmpty();
            assertThatThrownBy(() -> j.comments.ban(j.editor, bob.user().id(), ""))
                    .isInstanceOf(JournalRefusal.class);
            assertThatThrownBy(() -> j.comments.ban(bob, j.editor.user().id(), "revenge"))
                    .isInstanceOf(JournalRefusal.class);
            assertThatThrownBy(() -> j.comments.ban(j.editor, j.editor.user().id(), "myself"))
                    .isInstanceOf(AccountRefusal.class);

            List<ModerationEntry> log = j.comments.log(0, 10);
            assertThat(log).extracting(ModerationEntry::action).containsExactly("ban", "unlock", "lock", "hide");
            ModerationEntry ban = log.get(0);
            assertThat(ban.targetKind()).isEqualTo("user");
            assertThat(ban.targetName()).isEqualTo("alice");
            assertThat(ban.moderatorName()).isEqualTo("editor1");
            ModerationEntry hide = log.get(3);
            assertThat(hide.targetKind()).isEqualTo("comment");
            assertThat(hide.targetId()).isEqualTo(c.id());
            assertThat(hide.targetStoryId()).isEqualTo(j.story);
            assertThat(hide.reason()).isEqualTo("Rude");
            assertThat(hide.at()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
            assertThat(log.get(2).targetStoryId()).isEqualTo(j.story);
            assertThat(log.get(2).reason()).isEqualTo("Flame war");
            // refused actions left no row; earlier rows are as they were
            assertThat(j.comments.log(0, 10)).isEqualTo(log);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void moderatorsActingAtOnceLeaveOneActionAndOneRow(String kind) throws Exception {
        try (Journal j = new Journal(kind)) {
            Comment c = j.post(j.member("alice"), null, "text", "contested");
            int n = 6;
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger hidden = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger locked = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        if (k % 2 == 0) {
                            j.comments.hide(j.editor, c.id(), "reason " + k);
                            hidden.incrementAndGet();
                        } else {
                            j.comments.lock(j.editor, j.story, "reason " + k);
                            locked.incrementAndGet();
                        }
                    } catch (JournalRefusal r) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(hidden.get()).isEqualTo(1);
            assertThat(locked.get()).isEqualTo(1);
            assertThat(refused.get()).isEqualTo(n - 2);
            assertThat(j.comments.log(0, 100))
                    .extracting(ModerationEntry::action)
                    .containsExactlyInAnyOrder("hide", "lock");
        }
    }

    @Test
    void theLogCanOnlyBeAppendedToAndRead() {
        List<String> writers = Arrays.stream(CommentStore.class.getDeclaredMethods())
                .filter(m -> !Modifier.isPrivate(m.getModifiers()))
                .map(Method::getName)
                .filter(n -> n.toLowerCase().contains("log") || n.equals("append"))
                .toList();
        assertThat(writers).containsExactlyInAnyOrder("log", "append");
    }
}
