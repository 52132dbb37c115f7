package org.callisto.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Notifications, votes and flags, tags, profiles with notes, unhiding and members revising their own submissions,
 * through the services on a real SQLite file and a real PostgreSQL database.
 */
class CommunityTest {
    private static final String PASSWORD = "correct horse battery";

    /** Every notification offered for mail, in order. */
    private static final class MailBox implements NotificationMail {
        final List<Notification> sent = new ArrayList<>();

        @Override
        public synchronized void send(Notification n) {
            sent.add(n);
        }
    }

    private static final class Site implements AutoCloseable {
        final Database db;
        final TestClock clock = new TestClock();
        final Accounts accounts;
        final MailBox mail = new MailBox();
        final Notifications notifications;
        final Submissions submissions;
        final Comments comments;
        final Votes votes;
        final Profiles profiles;
        final Session editor;

        Site(String kind) {
            db = TestDatabases.open(kind);
            accounts = new Accounts(
                    new AccountStore(db),
                    new PasswordHasher(1024, 1, 1),
                    new RateLimiter(clock),
                    Config.Registration.OPEN,
                    clock);
            JournalStore stories = new JournalStore(db, clock);
            CommentStore commentStore = new CommentStore(db, clock);
            notifications = new Notifications(new NotificationStore(db), commentStore, accounts.store(), mail, clock);
            submissions = new Submissions(
                    stories,
                    new TagStore(db, clock),
                    notifications,
                    accounts,
                    "https://journal.test/",
                    () -> List.of("Linux"),
                    clock);
            comments = new Comments(commentStore, stories, accounts, notifications, "https://journal.test/", clock);
            VoteStore voteStore = new VoteStore(db, clock);
            votes = new Votes(voteStore, stories, commentStore, 2, clock);
            profiles = new Profiles(accounts.store(), stories, commentStore, voteStore, new MemberNoteStore(db), clock);
            accounts.createAdmin("editor1", PASSWORD);
            editor = accounts.login("editor1", PASSWORD, "10.0.0.1", null, "JUnit");
        }

        Session member(String name) {
            accounts.register(name, PASSWORD, null, "10.0.1." + (Math.abs(name.hashCode()) % 250));
            return accounts.login(name, PASSWORD, "10.0.0.1", null, "JUnit");
        }

        long submit(Session author, String title, String tags) {
            SubmitOutcome out =
                    submissions.submit(author, new Draft(title, "", List.of(), "text", "intro", null, null, tags));
            return ((SubmitOutcome.Stored) out).story().id();
        }

        long publish(Session author, String title, String tags) {
            long id = submit(author, title, tags);
            submissions.accept(editor, id);
            return id;
        }

        Comment comment(Session s, long story, Long parent, String text) {
            return ((CommentOutcome.Stored) comments.post(s, story, parent, null, text)).comment();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void repliesMentionsAndDecisionsNotifyTheRightMembersOnce(String kind) {
        try (Site s = new Site(kind)) {
            Session ann = s.member("ann");
            Session ben = s.member("ben");
            Session cat = s.member("cat");
            long story = s.submit(ann, "Ann's story", "");
            s.submissions.accept(s.editor, story);
            assertThat(s.notifications.latest(ann)).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Notification.Kind.ACCEPTED);
                assertThat(n.summary()).contains("Ann's story").contains("accepted");
            });

            Comment top = s.comment(ben, story, null, "Nice one, @ann and @cat and @nobody-here");
            Comment reply = s.comment(ann, story, top.id(), "Thanks @ben! @ann talks to herself");
            s.comment(ann, story, null, "The author's own comment tells no one");

            List<Notification> anns = s.notifications.latest(ann);
            assertThat(anns)
                    .extracting(Notification::kind)
                    .as("one reply notice; a mention of the replied-to author is not a second one")
                    .containsExactly(Notification.Kind.REPLY, Notification.Kind.ACCEPTED);
            assertThat(anns.getFirst().path()).isEqualTo("/stories/" + story + "#comment-" + top.id());
            assertThat(s.notifications.latest(cat))
                    .singleElement()
                    .satisfies(n -> assertThat(n.kind()).isEqualTo(Notification.Kind.MENTION));
            assertThat(s.notifications.latest(ben)).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Notification.Kind.REPLY);
                assertThat(n.commentId()).isEqualTo(reply.id());
                assertThat(n.actorName()).isEqualTo("ann");
            });
            assertThat(s.mail.sent).hasSize(4);

            long rejected = s.submit(cat, "Cat's story", "");
            s.submissions.reject(s.editor, rejected, "off-topic");
            assertThat(s.notifications.latest(cat).getFirst().kind()).isEqualTo(Notification.Kind.REJECTED);

            // nobody reads or marks another's notifications
            long bensOwn = s.notifications.latest(ben).getFirst().id();
            assertThatThrownBy(() -> s.notifications.markRead(ann, bensOwn))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("no unread notification number " + bensOwn);
            assertThat(s.notifications.unread(ben.user().id())).isEqualTo(1);
            s.notifications.markRead(ben, bensOwn);
            assertThat(s.notifications.unread(ben.user().id())).isZero();
            assertThat(s.notifications.unread(ann.user().id())).isEqualTo(2);
            assertThat(s.notifications.markAllRead(ann)).isEqualTo(2);
            assertThat(s.notifications.unread(ann.user().id())).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void aMembersMarksAreHerOwnVotesAndFlagsOnThatStoryOnly(String kind) {
        try (Site s = new Site(kind)) {
            Session ann = s.member("ann");
            Session ben = s.member("ben");
            Session cat = s.member("cat");
            long story = s.publish(ann, "Ann's story", "");
            long other = s.publish(ann, "Ann's other story", "");
            long c1 = s.comment(ben, story, null, "one").id();
            long c2 = s.comment(ben, story, null, "two").id();
            long c3 = s.comment(ben, story, c1, "three").id();
            long elsewhere = s.comment(ben, other, null, "elsewhere").id();
            s.votes.toggle(cat, Target.COMMENT, c1);
            s.votes.toggle(cat, Target.COMMENT, c3);
            s.votes.flag(cat, Target.COMMENT, c2, "spam");
            s.votes.flag(cat, Target.COMMENT, c3, "troll");
            s.votes.toggle(cat, Target.COMMENT, elsewhere);
            s.votes.flag(cat, Target.COMMENT, elsewhere, "spam");
            s.votes.toggle(ann, Target.COMMENT, c2); // someone else's marks
            s.votes.toggle(cat, Target.STORY, story);
            s.votes.flag(cat, Target.STORY, other, "off-topic");

            VoteStore.Marks onStory = s.votes.store().commentMarksBy(cat.user().id(), story);
            assertThat(onStory.voted()).containsExactlyInAnyOrder(c1, c3);
            assertThat(onStory.flagged()).containsExactlyInAnyOrder(c2, c3);
            assertThat(s.votes.store().commentMarksBy(ben.user().id(), story)).isEqualTo(VoteStore.Marks.NONE);

            VoteStore.Marks stories = s.votes.store().marksBy(cat.user().id(), Target.STORY, List.of(story, other));
            assertThat(stories.voted()).containsExactly(story);
            assertThat(stories.flagged()).containsExactly(other);
            assertThat(s.votes
                            .store()
                            .marksBy(cat.user().id(), Target.STORY, List.of(other))
                            .voted())
                    .isEmpty();
            assertThat(s.votes.store().marksBy(cat.user().id(), Target.COMMENT, List.of(c1, c2, elsewhere)))
                    .isEqualTo(new VoteStore.Marks(java.util.Set.of(c1, elsewhere), java.util.Set.of(c2, elsewhere)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void votesToggleOncePerMemberNeverOwnAndFlagsReachTheQueueAtTheThreshold(String kind) {
        try (Site s = new Site(kind)) {
            Session ann = s.member("ann");
            Session ben = s.member("ben");
            Session cat = s.member("cat");
            long story = s.publish(ann, "Votable", "");
            Comment c = s.comment(ben, story, null, "a comment");

            assertThat(s.votes.toggle(ben, Target.STORY, story)).isTrue();
            assertThat(s.votes.toggle(cat, Target.STORY, story)).isTrue();
            assertThat(s.votes.store().votes(Target.STORY, List.of(story))).containsEntry(story, 2);
            assertThat(s.votes.toggle(ben, Target.STORY, story))
                    .as("a second vote takes it back")
                    .isFalse();
            assertThat(s.votes.store().votes(Target.STORY, List.of(story))).containsEntry(story, 1);
            assertThatThrownBy(() -> s.votes.toggle(ann, Target.STORY, story))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessage("you cannot vote for your own story");
            assertThatThrownBy(() -> s.votes.toggle(null, Target.STORY, story)).isInstanceOf(JournalRefusal.class);
            assertThatThrownBy(() -> s.votes.toggle(ann, Target.STORY, 999_999))
                    .hasMessageContaining("no published story number 999999");
            s.votes.toggle(ann, Target.COMMENT, c.id());
            assertThat(s.profiles.profile("ann", null).orElseThrow().karma()).isEqualTo(1);
            assertThat(s.profiles.profile("BEN", null).orElseThrow().karma()).isEqualTo(1);

            s.votes.flag(ann, Target.COMMENT, c.id(), "troll");
            assertThatThrownBy(() -> s.votes.flag(ann, Target.COMMENT, c.id(), "spam"))
                    .hasMessageContaining("flagged this comment already");
            assertThatThrownBy(() -> s.votes.flag(cat, Target.COMMENT, c.id(), "<script>alert(1)</script>"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageContaining("is not a reason to flag");
            assertThatThrownBy(() -> s.votes.flag(ben, Target.COMMENT, c.id(), "spam"))
                    .hasMessage("you cannot flag your own comment");
            assertThat(s.votes.flagged(s.editor))
                    .as("one flag is below the threshold of 2")
                    .isEmpty();
            s.votes.flag(cat, Target.COMMENT, c.id(), "spam");
            assertThat(s.votes.flagged(s.editor)).singleElement().satisfies(f -> {
                assertThat(f.target()).isEqualTo(Target.COMMENT);
                assertThat(f.flaggers()).isEqualTo(2);
                assertThat(f.path()).isEqualTo("/stories/" + story + "#comment-" + c.id());
            });
            assertThatThrownBy(() -> s.votes.flagged(ann)).isInstanceOf(JournalRefusal.class);

            s.comments.hide(s.editor, c.id(), "trolling");
            assertThat(s.votes.flagged(s.editor)).as("dealt with").isEmpty();
            assertThatThrownBy(() -> s.votes.toggle(cat, Target.COMMENT, c.id()))
                    .as("hidden comments take no votes")
                    .isInstanceOf(JournalRefusal.class);
            Comment shown = s.comments.unhide(s.editor, c.id(), "it was fine after all");
            assertThat(shown.hidden()).isFalse();
            assertThatThrownBy(() -> s.comments.unhide(s.editor, c.id(), "again"))
                    .hasMessageContaining("is not hidden");
            assertThatThrownBy(() -> s.comments.unhide(ann, c.id(), "x")).isInstanceOf(JournalRefusal.class);
            assertThat(s.comments.log(0, 10))
                    .extracting(ModerationEntry::action)
                    .containsExactly("unhide", "hide");
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void hotOrderWeighsVotesAgainstAge(String kind) {
        try (Site s = new Site(kind)) {
            Session ann = s.member("ann");
            List<Session> voters = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                voters.add(s.member("voter" + i));
            }
            long old = s.publish(ann, "Old but loved", "");
            for (Session v : voters) {
                s.votes.toggle(v, Target.STORY, old);
            }
            s.clock.advance(Duration.ofHours(3));
            long fresh = s.publish(ann, "Fresh", "");
            List<Story> published = s.submissions.published(0, 10);
            assertThat(published).extracting(Story::id).containsExactly(fresh, old);
            assertThat(s.votes.hot(published, 10)).extracting(Story::id).containsExactly(old, fresh);
            s.clock.advance(Duration.ofHours(30));
            long newest = s.publish(ann, "Newest", "");
            assertThat(s.votes.hot(s.submissions.published(0, 10), 10))
                    .extracting(Story::id)
                    .as("a day later the votes no longer hold the old story up")
                    .first()
                    .isEqualTo(newest);
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void tagsAreCheckedStoredListedHiddenAndChangedByEditorsInTheLog(String kind) {
        try (Site s = new Site(kind)) {
            Session ann = s.member("ann");
            long story = s.publish(ann, "Tagged", "Rust, release-notes rust");
            assertThat(s.submissions.tags().tags(List.of(story)))
                    .containsEntry(story, List.of("release-notes", "rust"));
            assertThat(s.submissions.store().publishedWithTag("rust", s.clock.instant(), 10))
                    .extracting(Story::id)
                    .containsExactly(story);
            assertThatThrownBy(() -> s.submit(ann, "Bad tag", "<script>alert(1)</script>"))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessageStartingWith("the tag '<script>alert(1)</script>' is not allowed");
            assertThatThrownBy(() -> s.submit(ann, "Too many", "a b c d e f"))
                    .hasMessageContaining("there are 6 tags; give at most 5");

            assertThat(s.submissions.hideTags(ann, "rust  go")).containsExactly("rust", "go");
            assertThat(s.submissions.tags().hidden(ann.user().id())).containsExactly("go", "rust");
            assertThatThrownBy(() -> s.submissions.retag(ann, story, "x", s.comments.store()))
                    .isInstanceOf(JournalRefusal.class);
            assertThat(s.submissions.retag(s.editor, story, "linux", s.comments.store()))
                    .containsExactly("linux");
            assertThat(s.comments.log(0, 1).getFirst()).satisfies(e -> {
                assertThat(e.action()).isEqualTo("retag");
                assertThat(e.reason()).isEqualTo("tags: linux");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void membersReviseOnlyTheirOwnPendingStoriesAndModeratorsAloneKeepNotes(String kind) {
        try (Site s = new Site(kind)) {
            Session ann = s.member("ann");
            Session ben = s.member("ben");
            long story = s.submit(ann, "First draft", "draft");
            Draft better = new Draft("Second draft", "", List.of(), "markdown", "*better*", null, null, "final");
            assertThatThrownBy(() -> s.submissions.reviseOwn(ben, story, better))
                    .isInstanceOf(JournalRefusal.class)
                    .hasMessage("you have no story number " + story);
            SubmitOutcome out = s.submissions.reviseOwn(ann, story, better);
            Story revised = ((SubmitOutcome.Stored) out).story();
            assertThat(revised.title()).isEqualTo("Second draft");
            assertThat(revised.introHtml()).contains("<em>better</em>");
            assertThat(revised.status()).isEqualTo(StoryStatus.PENDING);
            assertThat(s.submissions.tags().tags(List.of(story))).containsEntry(story, List.of("final"));
            s.submissions.accept(s.editor, story);
            assertThatThrownBy(() -> s.submissions.reviseOwn(ann, story, better))
                    .hasMessageContaining("no longer waiting for an editor");

            assertThat(s.profiles.profile("ann", ben).orElseThrow().notes()).isNull();
            assertThatThrownBy(() -> s.profiles.addNote(ben, ann.user().id(), "I do not like ann"))
                    .isInstanceOf(JournalRefusal.class);
            s.profiles.addNote(s.editor, ann.user().id(), "<b>watch</b> the links");
            Profile seen = s.profiles.profile("ann", s.editor).orElseThrow();
            assertThat(seen.notes()).singleElement().satisfies(n -> {
                assertThat(n.text()).isEqualTo("<b>watch</b> the links");
                assertThat(n.authorName()).isEqualTo("editor1");
            });
            assertThat(seen.stories()).extracting(Story::id).containsExactly(story);
            assertThat(s.profiles.profile("no such name!", null)).isEmpty();
            assertThatThrownBy(() -> s.profiles.addNote(s.editor, ann.user().id(), " "))
                    .hasMessageContaining("empty");
        }
    }

    @Test
    void mentionsAreNamesAfterAnAtSignNotAddresses() {
        assertThat(Notifications.mentions("hi @Ann, and @ben. mail me at x@example.org; @ab is short; @cat-"))
                .containsExactly("ann", "ben", "cat");
        assertThat(Notifications.mentions(null)).isEmpty();
    }

    @Test
    void wilsonLowerBoundRanksManyVotesAboveFewAndFlagsPullDown() {
        assertThat(Ranking.wilsonLowerBound(0, 0)).isZero();
        assertThat(Ranking.wilsonLowerBound(10, 0)).isGreaterThan(Ranking.wilsonLowerBound(1, 0));
        assertThat(Ranking.wilsonLowerBound(10, 5)).isLessThan(Ranking.wilsonLowerBound(10, 0));
        assertThat(Ranking.wilsonLowerBound(1, 0)).isCloseTo(0.2065, org.assertj.core.data.Offset.offset(0.001));
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        assertThat(Ranking.hot(0, now, now)).isCloseTo(1 / Math.pow(2, 1.8), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Ranking.hot(5, now.minus(Duration.ofHours(24)), now)).isLessThan(Ranking.hot(0, now, now));
    }
}
