package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.callisto.planet.fetch.FixtureServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FetchCommandTest {

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void fetchRunsOneRoundAndPrintsASummaryNamingEachFailure(String kind, @TempDir Path dir) throws Exception {
        Path conf = dir.resolve("callisto.conf");
        Files.writeString(conf, "fetch.allow_loopback = true\n");
        String db = Cli.freshDatabase(kind);
        try (FixtureServer fixtures = FixtureServer.start()) {
            fixtures.route("/atom.xml")
                    .corpusFile("rome/rome/src/test/resources/atom_1.0.xml")
                    .etag("\"a\"");
            fixtures.route("/rss.xml")
                    .corpusFile("rome/rome/src/test/resources/rss_2.0.xml")
                    .etag("\"r\"");
            fixtures.route("/missing.xml").status(404);
            for (String path : new String[] {"/atom.xml", "/rss.xml", "/missing.xml"}) {
                assertThat(Cli.on(db, "feeds", "add", fixtures.url(path).toString(), "--config", conf.toString())
                                .exit())
                        .isZero();
            }
            Cli.Run first = Cli.on(db, "fetch", "--config", conf.toString());
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("3 feeds").contains("2 fetched").contains("1 failed");
            assertThat(first.err()).contains("HTTP 404").contains("/missing.xml");

            Cli.Run second = Cli.on(db, "fetch", "--config", conf.toString());
            assertThat(second.out()).contains("2 not modified").contains("0 new entries");

            Cli.Run list = Cli.on(db, "feeds", "list", "--config", conf.toString());
            assertThat(list.out()).contains("HTTP 404");
        }
    }
}
