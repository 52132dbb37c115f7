package org.callisto.web.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.callisto.account.AccountStore;
import org.callisto.account.Accounts;
import org.callisto.account.CsrfTokens;
import org.callisto.account.PasswordHasher;
import org.callisto.account.RateLimiter;
import org.callisto.account.Session;
import org.callisto.config.Config;
import org.callisto.db.Database;
import org.callisto.journal.Comment;
import org.callisto.journal.CommentOutcome;
import org.callisto.journal.CommentStore;
import org.callisto.journal.Comments;
import org.callisto.journal.Draft;
import org.callisto.journal.JournalStore;
import org.callisto.journal.Submissions;
import org.callisto.journal.SubmitOutcome;
import org.callisto.planet.Category;
import org.callisto.planet.CategoryStore;

/**
 * Fills the journal of a data directory for {@code bin/bench-journal}, through the journal's own services
 * ({@link Submissions}, {@link Comments}, {@link Accounts}), so every story and comment passed the validator and
 * sanitizer as on the site.
 *
 * <p>What it makes: 24 published stories (HTML intro of about 600 characters, body of about 2 KB), each with 0 to 12
 * comments, except the newest, which has 200 threaded comments (a third start a thread, the others answer an earlier
 * comment, up to the depth limit) in Markdown and plain text of 150 to 900 characters; a 25th story,
 * "Comment posting", with no comments, for the posting benchmark; and {@code POSTERS} members with a live session
 * each. Stories are filed under the planet's categories, so run {@link PopulateBenchData} first.
 *
 * <p>Accounts get cheap argon2id parameters ({@code m=1024 KiB, t=1}): the data is thrown away after the run and
 * 5,000 logins at the production cost would take minutes. Sessions are stored as usual, so the server finds them.
 *
 * <p>Writes to {@code OUT_DIR}: {@code story} (the number of the story with 200 comments), {@code post-story},
 * {@code session} (the session id of a member, for the logged-in runs) and {@code posters} (one line per member:
 * session id, space, the CSRF token of the comment form).
 *
 * <p>Usage: {@code PopulateJournalBench DATA_DIR OUT_DIR [POSTERS]}. Deterministic apart from times and secrets.
 */
public final class PopulateJournalBench {
    static final int STORIES = 24;
    static final int THREAD = 200;
    private static final String PASSWORD = "bench password 1";
    private static final String[] WORDS = ("the a kernel jail pool dataset boot loader port package release branch"
                    + " stable current patch commit review driver network firewall rule table interface bridge vm guest"
                    + " host memory page cache buffer disk mirror snapshot upgrade build world install config file daemon"
                    + " service script user group audit log console uefi arm64 amd64 compiler toolchain llvm linker library"
                    + " test suite bug fix regression performance latency and of to in with for on from by is was will can"
                    + " should after before while I think agree but also really")
            .split(" ");

    private PopulateJournalBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PopulateJournalBench DATA_DIR OUT_DIR [POSTERS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int posters = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        Files.createDirectories(out);
        Random random = new Random(20261123L);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("callisto.db"), "", "")) {
            CategoryStore planet = new CategoryStore(db);
            Accounts accounts = new Accounts(
                    new AccountStore(db),
                    new PasswordHasher(1024, 1, 1),
                    new RateLimiter(clock),
                    Config.Registration.OPEN,
                    clock);
            JournalStore stories = new JournalStore(db, Clock.systemUTC());
            String site = "http://localhost/";
            List<String> topics =
                    planet.categories().stream().map(Category::name).toList();
            Submissions submissions = new Submissions(stories, accounts, site, () -> topics, clock);
            Comments comments = new Comments(new CommentStore(db, Clock.systemUTC()), stories, accounts, site, clock);
            accounts.createAdmin("benchadmin", PASSWORD);
            Session editor = accounts.login("benchadmin", PASSWORD, "10.255.0.1", null, "bench");
            int[] address = {0};

            List<Session> readers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                readers.add(member(accounts, "reader" + i, address));
            }
            long last = 0;
            for (int s = 0; s < STORIES; s++) {
                Session author = member(accounts, "writer" + s, address);
                List<String> filed = topics.isEmpty() ? List.of() : List.of(topics.get(s % topics.size()));
                SubmitOutcome o = submissions.submit(
                        author,
                        new Draft(
                                capitalise(words(random, 5 + random.nextInt(6))),
                                words(random, 2),
                                filed,
                                "html",
                                html(random, 600),
                                html(random, 2000),
                                "https://news.example/" + s));
                long id = ((SubmitOutcome.Stored) o).story().id();
                submissions.accept(editor, id);
                last = id;
                if (s < STORIES - 1) {
                    int n = random.nextInt(13);
                    for (int c = 0; c < n; c++) {
                        post(comments, readers.get((s * 13 + c) % readers.size()), id, null, random);
                    }
                }
            }
            // The newest story, first on the front page, gets the long discussion: 100 readers, 2 each (and a few
            // elsewhere), within the limit of 10 comments per 10 minutes.
            List<Comment> thread = new ArrayList<>();
            for (int c = 0; c < THREAD; c++) {
                Comment parent = null;
                if (!thread.isEmpty() && random.nextInt(3) != 0) {
                    for (int tries = 0; tries < 10 && parent == null; tries++) {
                        Comment p = thread.get(thread.size() - 1 - random.nextInt(Math.min(thread.size(), 30)));
                        parent = p.depth() < Comments.MAX_DEPTH ? p : null;
                    }
                }
                thread.add(post(
                        comments, readers.get(c % readers.size()), last, parent == null ? null : parent.id(), random));
            }
            Session author = member(accounts, "writer-posting", address);
            long postStory = ((SubmitOutcome.Stored) submissions.submit(
                            author,
                            new Draft(
                                    "Comment posting", null, List.of(), "text", "A story to comment on.", null, null)))
                    .story()
                    .id();
            submissions.accept(editor, postStory);

            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < posters; i++) {
                Session s = member(accounts, "poster" + i, address);
                lines.append(s.id())
                        .append(' ')
                        .append(CsrfTokens.tokenFor(s, "comment"))
                        .append('\n');
            }
            Files.writeString(out.resolve("story"), last + "\n");
            Files.writeString(out.resolve("post-story"), postStory + "\n");
            Files.writeString(out.resolve("session"), readers.getFirst().id() + "\n");
            Files.writeString(out.resolve("posters"), lines);
            System.out.printf(
                    "populated the journal of %s: %d stories, story %d with %d comments, %d posters%n",
                    dir, STORIES + 1, last, THREAD, posters);
        }
    }

    private static Session member(Accounts accounts, String name, int[] address) {
        int n = ++address[0];
        String ip = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        accounts.register(name, PASSWORD, null, ip);
        return accounts.login(name, PASSWORD, ip, null, "bench");
    }

    private static Comment post(Comments comments, Session who, long story, Long parent, Random random) {
        String text;
        String format;
        if (random.nextBoolean()) {
            format = "markdown";
            text = capitalise(words(random, 20 + random.nextInt(60))) + ", see [the notes](https://notes.example/"
                    + random.nextInt(1000) + ") and *" + words(random, 2) + "*.\n\n"
                    + capitalise(words(random, 10 + random.nextInt(50))) + " `" + WORDS[random.nextInt(WORDS.length)]
                    + "(8)`.";
        } else {
            format = "text";
            text = capitalise(words(random, 25 + random.nextInt(90))) + ".";
        }
        CommentOutcome o = comments.post(who, story, parent, format, text);
        return ((CommentOutcome.Stored) o).comment();
    }

    /** About {@code size} characters of story HTML. */
    private static String html(Random random, int size) {
        StringBuilder b = new StringBuilder(size + 200);
        while (b.length() < size) {
            b.append("<p>")
                    .append(capitalise(words(random, 20 + random.nextInt(30))))
                    .append(" <a href=\"https://news.example/")
                    .append(WORDS[random.nextInt(WORDS.length)])
                    .append("\">more</a>, <em>")
                    .append(words(random, 2))
                    .append("</em>.</p>\n");
        }
        return b.toString();
    }

    static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
