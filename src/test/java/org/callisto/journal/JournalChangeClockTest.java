package org.callisto.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.callisto.account.AccountStore;
import org.callisto.account.Accounts;
import org.callisto.account.PasswordHasher;
import org.callisto.account.RateLimiter;
import org.callisto.account.Session;
import org.callisto.account.TestClock;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The journal's change clock ({@link JournalStore#lastChange}) moves with every write that readers can see, and
 * when a publication time passes, on SQLite and PostgreSQL.
 */
class JournalChangeClockTest {
    private static final String PASSWORD = "correct horse battery";

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void everyWriteToStoriesCommentsLocksAndTheLogMovesTheClock(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TestClock clock = new TestClock();
            Accounts accounts = new Accounts(
                    new AccountStore(db),
                    new PasswordHasher(1024, 1, 1),
                    new RateLimiter(clock),
                    Config.Registration.OPEN,
                    clock);
            JournalStore stories = new JournalStore(db, Clock.systemUTC());
            Submissions submissions =
                    new Submissions(stories, accounts, "https://journal.test/", () -> List.of("Linux"), clock);
            Comments comments = new Comments(
                    new CommentStore(db, Clock.systemUTC()), stories, accounts, "https://journal.test/", clock);
            accounts.createAdmin("editor1", PASSWORD);
            Session editor = accounts.login("editor1", PASSWORD, "10.0.0.1", null, "JUnit");
            accounts.register("alice", PASSWORD, null, "10.0.0.2");
            Session alice = accounts.login("alice", PASSWORD, "10.0.0.2", null, "JUnit");
            accounts.register("bob", PASSWORD, null, "10.0.0.3");
            Session bob = accounts.login("bob", PASSWORD, "10.0.0.3", null, "JUnit");
            Supplier<Instant> last = () -> stories.lastChange(Instant.now());
            assertThat(last.get()).isEqualTo(Instant.EPOCH);

            long[] story = new long[1];
            long[] comment = new long[1];
            List<Runnable> writes = List.of(
                    () -> story[0] = ((SubmitOutcome.Stored) submissions.submit(
                                    alice, new Draft("A story", "", List.of(), "text", "intro", null, null)))
                            .story()
                            .id(),
                    () -> submissions.accept(editor, story[0]),
                    () -> comment[0] = ((CommentOutcome.Stored) comments.post(bob, story[0], null, "text", "first"))
                            .comment()
                            .id(),
                    () -> comments.post(alice, story[0], comment[0], "text", "a reply"),
                    () -> comments.edit(bob, comment[0], "text", "first, edited"),
                    () -> comments.hide(editor, comment[0], "off topic"),
                    () -> comments.lock(editor, story[0], "heated"),
                    () -> comments.unlock(editor, story[0], "calm again"),
                    () -> comments.delete(
                            alice, comments.comments(story[0]).getLast().id()),
                    () -> comments.ban(editor, bob.user().id(), "trolling"));
            for (int i = 0; i < writes.size(); i++) {
                Instant before = last.get();
                writes.get(i).run(); // several writes fall in one millisecond: each must still move the clock
                assertThat(last.get()).as("write %d", i).isAfter(before);
            }
            Instant quiet = last.get();
            assertThat(comments.comments(story[0])).hasSize(2);
            assertThat(last.get()).as("reading changes nothing").isEqualTo(quiet);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aPublicationTimeThatPassesMovesTheClockWithoutAWrite(String kind) {
        try (Database db = TestDatabases.open(kind)) {
            TestClock clock = new TestClock();
            Accounts accounts = new Accounts(
                    new AccountStore(db),
                    new PasswordHasher(1024, 1, 1),
                    new RateLimiter(clock),
                    Config.Registration.OPEN,
                    clock);
            JournalStore stories = new JournalStore(db, Clock.systemUTC());
            Submissions submissions =
                    new Submissions(stories, accounts, "https://journal.test/", () -> List.of("Linux"), clock);
            accounts.createAdmin("editor1", PASSWORD);
            Session editor = accounts.login("editor1", PASSWORD, "10.0.0.1", null, "JUnit");
            long id = ((SubmitOutcome.Stored)
                            submissions.submit(editor, new Draft("Later", "", List.of(), "text", "intro", null, null)))
                    .story()
                    .id();
            submissions.accept(editor, id);
            Instant at = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            db.withConnection(
                    c -> { // a story published for a later time, as scheduling would store it
                        try (PreparedStatement ps =
                                c.prepareStatement("UPDATE stories SET published_at = ? WHERE id = ?")) {
                            ps.setLong(1, at.toEpochMilli());
                            ps.setLong(2, id);
                            return ps.executeUpdate();
                        }
                    });
            Instant beforeIt = stories.lastChange(at.minusMillis(1));
            assertThat(beforeIt).isBefore(at);
            assertThat(stories.lastChange(at)).isEqualTo(at);
            assertThat(stories.lastChange(at.plusSeconds(60))).isEqualTo(at);
        }
    }
}
