package org.callisto.app.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.callisto.account.Accounts;
import org.callisto.account.Role;
import org.callisto.account.Session;
import org.callisto.journal.CommentOutcome;
import org.callisto.journal.Comments;
import org.callisto.journal.Draft;
import org.callisto.journal.Story;
import org.callisto.journal.Submissions;
import org.callisto.journal.SubmitOutcome;
import org.callisto.journal.Target;
import org.callisto.journal.Votes;

/**
 * The demo's community journal, made through the journal's own services: a demo editor ({@value #EDITOR}) and two
 * demo members; three published stories (one each in HTML, Markdown and plain text), one of them with a comment
 * thread; and one submission waiting in the editor queue.
 *
 * <p>Every start gives the three accounts new random passwords (only the editor's is shown) and marks them as demo
 * accounts ({@link Accounts#demoAccount}); {@code callisto serve} bans them ({@link Accounts#disableDemoAccounts}).
 * The stories and comments are made only when the editor account is new, so running the demo again on the same
 * data keeps the journal as it was.
 */
public final class DemoJournal {
    /** The demo editor's username. */
    public static final String EDITOR = "editor";
    /** The demo members' usernames. */
    public static final List<String> MEMBERS = List.of("dana", "kai");
    /** Length of the generated passwords. */
    static final int PASSWORD_LENGTH = 20;

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AGENT = "callisto demo";
    private static final String ADDRESS = "127.0.0.1";

    /**
     * The demo editor's login and what the journal holds.
     *
     * @param username  the editor's username
     * @param password  the editor's password for this run
     * @param published the demo's published stories, in the order made (empty when the journal was already there)
     * @param pending   the demo's submission waiting in the queue, or null when the journal was already there
     */
    public record Result(String username, String password, List<Story> published, Story pending) {}

    private DemoJournal() {}

    /**
     * Creates or takes up again the demo accounts, and the demo stories when the editor account is new.
     * Stories are filed under the demo planet's categories, the topics {@code submissions} offers.
     */
    public static Result create(Accounts accounts, Submissions submissions, Comments comments) {
        return create(accounts, submissions, comments, null);
    }

    /**
     * The demo journal, with tags on its stories and, when {@code votes} is given, a few upvotes so that the hot
     * order and the comments' order have something to weigh.
     */
    public static Result create(Accounts accounts, Submissions submissions, Comments comments, Votes votes) {
        boolean fresh = accounts.store().userByName(EDITOR).isEmpty();
        String editorPassword = password();
        accounts.demoAccount(EDITOR, editorPassword, Role.EDITOR);
        List<Session> members = new ArrayList<>();
        for (String name : MEMBERS) {
            String pw = password();
            accounts.demoAccount(name, pw, Role.MEMBER);
            if (fresh) {
                members.add(accounts.login(name, pw, ADDRESS, null, AGENT));
            }
        }
        if (!fresh) {
            return new Result(EDITOR, editorPassword, List.of(), null);
        }
        Session editor = accounts.login(EDITOR, editorPassword, ADDRESS, null, AGENT);
        Session dana = members.get(0);
        Session kai = members.get(1);
        try {
            Story bhyve = submit(
                    submissions,
                    dana,
                    new Draft(
                            "Running bhyve guests inside a jail",
                            "nested",
                            List.of("FreeBSD", "Virtualization"),
                            "html",
                            "<p>Dana wrote up how she runs <strong>bhyve</strong> guests from inside a jail, so that a"
                                    + " misbehaving guest cannot reach the host's network stack.</p>",
                            "<p>The short version:</p>\n<ul>\n<li>give the jail <code>allow.vmm</code> and its own"
                                    + " <code>devfs</code> ruleset;</li>\n<li>hand it a tap interface on a separate"
                                    + " bridge;</li>\n<li>start the guest with <code>vm-bhyve</code> from the jail's"
                                    + " rc.</li>\n</ul>\n<p>Questions welcome in the comments.</p>",
                            "https://docs.freebsd.org/en/books/handbook/virtualization/",
                            "bhyve jails"));
            Story pf = submit(
                    submissions,
                    kai,
                    new Draft(
                            "A tidy pf.conf for a home router",
                            "less is more",
                            List.of("OpenBSD"),
                            "markdown",
                            "Kai shares the **pf.conf** that has run his home router for three releases: twelve lines,"
                                    + " no surprises.",
                            "The heart of it:\n\n```\nset skip on lo\nblock return\npass out quick inet\n"
                                    + "pass in on egress proto tcp to port ssh\n```\n\n"
                                    + "Everything else is macros. `pfctl -nf /etc/pf.conf` checks it before you"
                                    + " load it.",
                            "https://www.openbsd.org/faq/pf/",
                            "pf networking"));
            Story meetup = submit(
                    submissions,
                    dana,
                    new Draft(
                            "NetBSD users meet on the first Thursday",
                            null,
                            List.of("NetBSD", "Events"),
                            "text",
                            "The local NetBSD group meets on the first Thursday of each month.\n\n"
                                    + "Bring a laptop, an old SPARC or just questions. Details at https://www.netbsd.org/",
                            null,
                            null,
                            "meetups"));
            Story pending = submit(
                    submissions,
                    kai,
                    new Draft(
                            "Call for talks: a BSD day at the hackerspace",
                            "call for papers",
                            List.of("Events"),
                            "text",
                            "The hackerspace is planning a one-day BSD meeting in spring and looks for short talks"
                                    + " on any of the BSDs.",
                            "Send a title and two lines about it. Twenty minutes a talk, first-timers welcome.",
                            null));
            List<Story> published = new ArrayList<>();
            for (Story s : List.of(bhyve, pf, meetup)) {
                published.add(submissions.accept(editor, s.id()));
            }
            long first = comment(
                    comments,
                    dana,
                    pf.id(),
                    null,
                    "text",
                    "Thanks for this. Do you keep a table of blocked addresses, or is that overkill at home?");
            comment(
                    comments,
                    kai,
                    pf.id(),
                    first,
                    "markdown",
                    "Overkill for me: `block return` and no open ports except ssh does the job.");
            comment(
                    comments,
                    editor,
                    pf.id(),
                    null,
                    "text",
                    "Worth adding: pf.conf(5) has a good example section near the end.");
            if (votes != null) {
                votes.toggle(kai, Target.STORY, bhyve.id());
                votes.toggle(dana, Target.STORY, pf.id());
                votes.toggle(editor, Target.STORY, pf.id());
                votes.toggle(editor, Target.COMMENT, first);
            }
            return new Result(EDITOR, editorPassword, List.copyOf(published), pending);
        } finally {
            for (Session s : List.of(editor, dana, kai)) {
                accounts.logout(s.id());
            }
        }
    }

    private static Story submit(Submissions submissions, Session author, Draft draft) {
        return switch (submissions.submit(author, draft)) {
            case SubmitOutcome.Stored stored -> stored.story();
            case SubmitOutcome.Invalid invalid ->
                throw new IllegalStateException(
                        "demo: the story '" + draft.title() + "' has problems: " + invalid.preview());
        };
    }

    private static long comment(
            Comments comments, Session author, long storyId, Long parentId, String format, String text) {
        return switch (comments.post(author, storyId, parentId, format, text)) {
            case CommentOutcome.Stored stored -> stored.comment().id();
            case CommentOutcome.Invalid invalid ->
                throw new IllegalStateException("demo: a comment has problems: " + invalid.rendering());
        };
    }

    /** A new random password of {@link #PASSWORD_LENGTH} letters and digits that are hard to mistake. */
    static String password() {
        StringBuilder b = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
