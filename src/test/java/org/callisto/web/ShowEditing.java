package org.callisto.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callisto.account.Accounts;
import org.callisto.account.Session;
import org.callisto.app.demo.DemoShow;
import org.callisto.journal.Draft;
import org.callisto.journal.JournalStore;
import org.callisto.journal.Story;
import org.callisto.journal.Submissions;
import org.callisto.journal.SubmitOutcome;
import org.callisto.show.Renditions;
import org.callisto.show.ShowStores;

/**
 * A planet site with the demo show (episodes 1 and 2, each with an MP3), an editor {@code editor1}, a member
 * {@code member1} and a published journal story "Jails and bhyve on one host", for the tests of episode editing
 * and curation. Not thread-safe.
 */
final class ShowEditing implements AutoCloseable {
    final PlanetSite site;
    final ShowStores show;
    final Story story;
    final Path media;

    ShowEditing(String kind, Path dir) {
        this(kind, dir, Map.of());
    }

    /** The same site with more configuration ({@code show.upload_max_size}...). */
    ShowEditing(String kind, Path dir, Map<String, String> more) {
        media = dir.resolve("media");
        try {
            Files.createDirectories(media);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new java.util.HashMap<>(more);
        config.put("journal.registration", "open");
        config.put("show.media_dir", media.toString());
        site = new PlanetSite(kind, config);
        show = ShowStores.of(site.db, Clock.systemUTC());
        Renditions renditions =
                new Renditions(show.episodes(), show.renditions(), media, site.config.siteUrl(), Clock.systemUTC());
        DemoShow.create(show, renditions, media, "http://planet.test/", site.entries.river(0, 10), Instant.now());
        Accounts accounts = Accounts.of(site.db, site.config, Clock.systemUTC());
        accounts.createAdmin("editor1", JournalWebTest.PASSWORD);
        accounts.register("member1", JournalWebTest.PASSWORD, null, "10.9.0.1");
        Session member = accounts.login("member1", JournalWebTest.PASSWORD, "10.9.0.1", null, "test");
        Session editor = accounts.login("editor1", JournalWebTest.PASSWORD, "10.9.0.1", null, "test");
        Submissions submissions = new Submissions(
                new JournalStore(site.db, Clock.systemUTC()),
                accounts,
                "http://planet.test/",
                () -> List.of("FreeBSD"),
                Clock.systemUTC());
        Story pending = switch (submissions.submit(
                member,
                new Draft(
                        "Jails and bhyve on one host",
                        "nested",
                        List.of("FreeBSD"),
                        "text",
                        "How to run *bhyve* guests from a jail.",
                        "",
                        null))) {
            case SubmitOutcome.Stored stored -> stored.story();
            case SubmitOutcome.Invalid invalid -> throw new AssertionError(invalid.preview());
        };
        story = submissions.accept(editor, pending.id());
    }

    /** A client logged in as {@code name}. */
    WebClient client(String name) {
        WebClient c = new WebClient(site.uri("/"));
        JournalWebTest.login(c, name);
        return c;
    }

    WebClient anonymous() {
        return new WebClient(site.uri("/"));
    }

    @Override
    public void close() {
        site.close();
    }
}
