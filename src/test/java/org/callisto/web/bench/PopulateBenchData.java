package org.callisto.web.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.callisto.db.Database;
import org.callisto.html.HtmlSanitizer;
import org.callisto.planet.EntryDetails;
import org.callisto.planet.EntryRow;
import org.callisto.planet.EntryStore;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;

/**
 * Fills a data directory with a planet shaped like a BSD community planet, for {@code bin/bench-pages}.
 *
 * <p>Twelve feeds in FreeBSD, OpenBSD and NetBSD (some in two), 300 entries spread over the last 60 days, each a
 * 2–6 KB body of paragraphs, lists, links and {@code <pre>} blocks, passed through the aggregated-content sanitizer
 * as the refresh pipeline would. The feeds are switched off so that the scheduler of {@code callisto serve} leaves
 * them alone during a run. Deterministic: the same seed gives the same planet (apart from the dates, which are
 * relative to now). A thirteenth feed, in a category of its own, has six short posts from before the others, so
 * that {@code /category/dragonfly} is a small page, the size of the demo's front page.
 *
 * <p>Usage: {@code PopulateBenchData DATA_DIR [ENTRIES]}.
 */
public final class PopulateBenchData {
    private static final String[][] FEEDS = {
        {"Colin's FreeBSD notes", "FreeBSD"},
        {"Ports and packages", "FreeBSD"},
        {"bhyve weekly", "FreeBSD"},
        {"ZFS on the desk", "FreeBSD", "NetBSD"},
        {"undeadly-style OpenBSD journal", "OpenBSD"},
        {"pf and friends", "OpenBSD"},
        {"OpenSSH release notes", "OpenBSD", "FreeBSD"},
        {"pkgsrc in practice", "NetBSD"},
        {"NetBSD on odd hardware", "NetBSD"},
        {"A BSD sysadmin's log", "FreeBSD", "OpenBSD", "NetBSD"},
        {"Jails and containers", "FreeBSD"},
        {"Kernel hacking diary", "NetBSD", "OpenBSD"},
    };
    private static final String[] WORDS = ("the a kernel jail pool dataset boot loader port package release branch"
                    + " stable current patch commit review driver network firewall rule table interface bridge tap vm guest"
                    + " host memory page cache buffer disk mirror snapshot replication upgrade build world install config file"
                    + " daemon service rc script user group permission audit log console serial uefi bios arm64 amd64 riscv"
                    + " compiler toolchain llvm clang linker library abi symbol test suite bug fix regression performance"
                    + " latency throughput and of to in with for on from by is was will can should after before while")
            .split(" ");
    private static final String[] COMMANDS = {
        "# pkg install -y git-lite tmux",
        "# zfs snapshot -r zroot@before-upgrade",
        "$ uname -a",
        "# freebsd-update fetch install",
        "# sysrc jail_enable=YES",
        "# pfctl -f /etc/pf.conf",
        "$ cvs -q up -Pd -rOPENBSD_7_8",
        "# syspatch",
        "$ ./build.sh -U -m amd64 -j4 tools kernel=GENERIC",
        "# pkgin -y update",
        "# bhyvectl --destroy --vm=guest0",
        "# zpool status -x",
        "$ git log --oneline -5",
        "# service sshd restart",
        "# ifconfig bridge0 addm em0 addm tap0 up"
    };

    /** Posts of the small category, {@code /category/dragonfly}. */
    private static final int SMALL_ENTRIES = 6;

    private PopulateBenchData() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PopulateBenchData DATA_DIR [ENTRIES]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Files.createDirectories(dir);
        Random random = new Random(20261122L);
        HtmlSanitizer sanitizer = HtmlSanitizer.aggregated();
        Instant now = Instant.now();
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("callisto.db"), "", "")) {
            SubscriptionStore store = new SubscriptionStore(db, Clock.systemUTC());
            EntryStore entries = new EntryStore(db, Clock.systemUTC());
            List<Feed> feeds = new ArrayList<>();
            for (int i = 0; i < FEEDS.length; i++) {
                String[] f = FEEDS[i];
                List<String> categories = List.of(f).subList(1, f.length);
                feeds.add(store.addFeed("https://blog" + i + ".bsd.example/feed.xml", f[0], categories));
            }
            Map<Long, List<EntryRow>> rows = new HashMap<>();
            long totalBytes = 0;
            Duration span = Duration.ofDays(60);
            for (int n = 0; n < count; n++) {
                Feed feed = feeds.get(random.nextInt(feeds.size()));
                Instant published = now.minusMillis((long) (random.nextDouble() * span.toMillis()))
                        .truncatedTo(ChronoUnit.SECONDS);
                String title = capitalise(words(random, 4 + random.nextInt(6)));
                String link = "https://blog" + feeds.indexOf(feed) + ".bsd.example/"
                        + published.toString().substring(0, 10) + "/post-" + n + ".html";
                String html = sanitizer.sanitize(body(random, 2_000 + random.nextInt(4_000)), link);
                totalBytes += html.length();
                List<String> terms = random.nextInt(5) == 0 ? List.of("OpenBSD") : List.of();
                rows.computeIfAbsent(feed.id(), k -> new ArrayList<>())
                        .add(new EntryRow(
                                "bench-" + n,
                                "bench-" + n,
                                link,
                                title,
                                "author" + random.nextInt(20),
                                null,
                                html,
                                terms,
                                null,
                                null,
                                -1,
                                null,
                                published,
                                null,
                                Integer.toHexString(html.hashCode()),
                                EntryDetails.NONE,
                                null));
            }
            for (Map.Entry<Long, List<EntryRow>> e : rows.entrySet()) {
                entries.storeEntries(e.getKey(), e.getValue(), now);
            }
            // the small page: a category of its own with a few short posts from before the river's first pages, so
            // that /category/dragonfly is about the size of the demo's front page (12 KB) and the big pages stay as
            // they were
            Feed small =
                    store.addFeed("https://dragonfly.bsd.example/feed.xml", "DragonFly digest", List.of("DragonFly"));
            feeds.add(small);
            List<EntryRow> smallRows = new ArrayList<>();
            Random smallRandom = new Random(20261203L);
            for (int n = 0; n < SMALL_ENTRIES; n++) {
                Instant published = now.minus(Duration.ofDays(90 + n)).truncatedTo(ChronoUnit.SECONDS);
                String link = "https://dragonfly.bsd.example/post-" + n + ".html";
                String html = sanitizer.sanitize(body(smallRandom, 600), link);
                smallRows.add(new EntryRow(
                        "small-" + n,
                        "small-" + n,
                        link,
                        capitalise(words(smallRandom, 5)),
                        "dfly",
                        null,
                        html,
                        List.of(),
                        null,
                        null,
                        -1,
                        null,
                        published,
                        null,
                        Integer.toHexString(html.hashCode()),
                        EntryDetails.NONE,
                        null));
            }
            entries.storeEntries(small.id(), smallRows, now);
            for (Feed feed : feeds) {
                store.setDisabled(feed.id(), true, "benchmark data: not fetched");
            }
            System.out.printf(
                    "populated %s: %d feeds, %d entries, %d KB of entry HTML (avg %d bytes)%n",
                    dir, feeds.size(), count, totalBytes / 1024, totalBytes / Math.max(1, count));
        }
    }

    /** About {@code size} characters of blog-post HTML. */
    private static String body(Random random, int size) {
        StringBuilder b = new StringBuilder(size + 512);
        while (b.length() < size) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    b.append("<pre>");
                    int lines = 2 + random.nextInt(6);
                    for (int i = 0; i < lines; i++) {
                        b.append(COMMANDS[random.nextInt(COMMANDS.length)]
                                        .replace("&", "&amp;")
                                        .replace("<", "&lt;"))
                                .append('\n');
                        if (random.nextBoolean()) {
                            b.append("    ")
                                    .append(words(random, 3 + random.nextInt(5)))
                                    .append('\n');
                        }
                    }
                    b.append("</pre>\n");
                }
                case 1 -> {
                    b.append("<ul>");
                    for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
                        b.append("<li>")
                                .append(words(random, 5 + random.nextInt(8)))
                                .append("</li>");
                    }
                    b.append("</ul>\n");
                }
                case 2 ->
                    b.append("<blockquote><p>")
                            .append(capitalise(words(random, 15 + random.nextInt(20))))
                            .append(".</p></blockquote>\n");
                default -> {
                    b.append("<p>").append(capitalise(words(random, 20 + random.nextInt(40))));
                    b.append(" See <a href=\"https://man.example.org/")
                            .append(WORDS[random.nextInt(WORDS.length)])
                            .append(".8\">the manual page</a> and <code>")
                            .append(WORDS[random.nextInt(WORDS.length)])
                            .append("(8)</code>; it is <em>")
                            .append(words(random, 2))
                            .append("</em>, <strong>")
                            .append(words(random, 2))
                            .append("</strong>. ")
                            .append(capitalise(words(random, 10 + random.nextInt(20))))
                            .append(".</p>\n");
                }
            }
        }
        return b.toString();
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
