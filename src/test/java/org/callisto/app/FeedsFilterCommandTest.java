package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FeedsFilterCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void addListAndRemoveRulesForEveryFeedAndForOne(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.on(db, "feeds", "add", "https://blog.example.org/feed.xml", "--name", "Alice");

        Cli.Run global = Cli.on(db, "feeds", "filter", "add", "drop", "sponsored, \"press release\"");
        assertThat(global.exit()).as(global.err()).isZero();
        assertThat(global.out())
                .contains("Added filter")
                .contains("drop entries whose text matches the words 'sponsored, \"press release\"', in every feed");
        Cli.Run one = Cli.on(
                db,
                "feeds",
                "filter",
                "add",
                "keep",
                "(?i)bsd",
                "--regex",
                "--field",
                "categories",
                "--feed",
                "https://blog.example.org/feed.xml");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).contains("keep entries whose categories matches the expression '(?i)bsd'");

        Cli.Run list = Cli.on(db, "feeds", "filter", "list");
        assertThat(list.out().lines())
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("every feed\tdrop\tany\twords\tsponsored"))
                .anySatisfy(l -> assertThat(l).contains("Alice\tkeep\tcategories\tregex\t(?i)bsd"));
        String id = list.out().lines().findFirst().orElseThrow().split("\t")[0];
        Cli.Run removed = Cli.on(db, "feeds", "filter", "remove", id);
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(Cli.on(db, "feeds", "filter", "list").out().lines()).hasSize(1);
    }

    @Test
    void badRulesAreRefusedInWordsWithoutAStackTrace() {
        String db = Cli.freshDatabase("sqlite");
        Cli.Run regex = Cli.on(db, "feeds", "filter", "add", "drop", "a(b", "--regex");
        assertThat(regex.exit()).isEqualTo(1);
        assertThat(regex.err())
                .contains("the regular expression 'a(b' is not valid")
                .doesNotContain("Exception");
        Cli.Run action = Cli.on(db, "feeds", "filter", "add", "hide", "x");
        assertThat(action.exit()).isEqualTo(1);
        assertThat(action.err()).contains("the action 'hide' is not one of keep, drop");
        Cli.Run feed = Cli.on(db, "feeds", "filter", "add", "drop", "x", "--feed", "42");
        assertThat(feed.err()).contains("no feed has id 42");
        Cli.Run missing = Cli.on(db, "feeds", "filter", "remove", "7");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no filter rule has id 7");
    }
}
