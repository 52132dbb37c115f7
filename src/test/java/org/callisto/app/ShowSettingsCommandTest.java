package org.callisto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.callisto.app.demo.DemoMedia;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShowSettingsCommandTest {

    private static final String[] FIRST = {
        "show",
        "settings",
        "--title",
        "BSD Weekly",
        "--description",
        "News of the week",
        "--author",
        "The crew",
        "--owner-name",
        "Ana",
        "--owner-email",
        "ana@example.org",
        "--artwork",
        "https://example.org/show.png",
        "--category",
        "Technology",
        "--category",
        "News/Tech News"
    };

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void settingsAreCreatedOnceCompleteThenChangedOneAtATimeKeepingTheGuid(String kind) {
        String db = Cli.freshDatabase(kind);
        Cli.Run empty = Cli.on(db, "show", "settings");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("The show has no settings yet");

        Cli.Run partial = Cli.on(db, "show", "settings", "--title", "BSD Weekly");
        assertThat(partial.exit()).isEqualTo(1);
        assertThat(partial.err()).contains("--description is needed");

        Cli.Run created = Cli.on(db, FIRST);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out())
                .contains("Created the show's settings")
                .contains("title:            BSD Weekly")
                .contains("categories:       Technology, News/Tech News")
                .contains("language:         en");
        String guid = created.out()
                .lines()
                .filter(l -> l.contains("podcast:guid"))
                .findFirst()
                .orElseThrow();

        Cli.Run changed = Cli.on(
                db,
                "show",
                "settings",
                "--title",
                "BSD Weekly'; DROP TABLE show; --",
                "--funding-url",
                "https://patreon.example/bsd",
                "--funding-text",
                "Support us",
                "--explicit",
                "yes");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out())
                .contains("Updated")
                .contains("title:            BSD Weekly'; DROP TABLE show; --")
                .contains("funding:          https://patreon.example/bsd (Support us)")
                .contains("explicit:         yes")
                .contains("owner:            Ana <ana@example.org>")
                .contains(guid);

        Cli.Run printed = Cli.on(db, "show", "settings");
        assertThat(printed.out()).contains("BSD Weekly'; DROP TABLE show; --").contains(guid);

        Cli.Run cleared = Cli.on(db, "show", "settings", "--funding-url", "");
        assertThat(cleared.out()).contains("funding:          -");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void badValuesAreRefusedNamingTheOptionAndKeepTheStoredSettings(String kind) {
        String db = Cli.freshDatabase(kind);
        assertThat(Cli.on(db, FIRST).exit()).isZero();
        assertThat(Cli.on(db, "show", "settings", "--category", "Knitting").err())
                .contains("\"Knitting\" is not an Apple Podcasts category");
        assertThat(Cli.on(db, "show", "settings", "--owner-email", "not-an-address")
                        .err())
                .contains("--owner-email not-an-address is not an email address");
        assertThat(Cli.on(db, "show", "settings", "--artwork", "/static/show.png")
                        .err())
                .contains("--artwork /static/show.png is not an absolute http(s) URL");
        assertThat(Cli.on(db, "show", "settings", "--explicit", "maybe").err())
                .contains("--explicit maybe is neither yes nor no");
        assertThat(Cli.on(db, "show", "settings", "--language", "english!").err())
                .contains("--language english! is not an ISO 639 code");
        assertThat(Cli.on(db, "show", "settings", "--title", "  ").err()).contains("--title is empty");
        assertThat(Cli.on(db, "show", "settings", "--funding-text", "x".repeat(129))
                        .err())
                .contains("funding text is 129 characters");
        assertThat(Cli.on(db, "show", "settings").out())
                .contains("title:            BSD Weekly")
                .contains("categories:       Technology, News/Tech News");
    }

    @ParameterizedTest
    @MethodSource("org.callisto.db.TestDatabases#kinds")
    void mediaAndTranscriptsAreAddedFromTheMediaDirectoryAndChecked(String kind, @TempDir Path data) throws Exception {
        String db = Cli.freshDatabase(kind);
        Path notes = Files.createDirectories(data.resolve("notes/0007-jails"));
        Files.writeString(
                notes.resolve("notes.md"),
                "title: Jails\ndate: 2026-03-05\n\n## Headlines\n\n" + "- [A story](https://story.example/)\n");
        assertThat(Cli.on(db, "show", "import-markdown", data.resolve("notes").toString())
                        .exit())
                .isZero();
        Path media = Files.createDirectories(data.resolve("media"));
        Files.write(media.resolve("ep7.mp3"), DemoMedia.silentMp3(5, 64));
        Files.write(media.resolve("broken.mp3"), new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 9});
        Files.writeString(media.resolve("ep7.vtt"), "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n");
        Files.writeString(media.resolve("ep7.srt"), "just words\n");
        String dataFlag = "--data=" + data;

        Cli.Run added = Cli.on(db, "show", "media", "7", "mp3", "ep7.mp3", dataFlag);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out())
                .contains("Episode 7 MP3 audio: ep7.mp3, audio/mpeg")
                .contains(" 5 s; torrent ep7.mp3.torrent");
        assertThat(media.resolve("ep7.mp3.torrent")).exists();

        assertThat(Cli.on(db, "show", "media", "7", "flac", "ep7.mp3", dataFlag).err())
                .contains("KIND flac is not a rendition kind");
        assertThat(Cli.on(db, "show", "media", "7", "hd", "ep7.mp3", dataFlag).err())
                .contains("the file is audio/mpeg but a HD video rendition must be video/mp4");
        assertThat(Cli.on(db, "show", "media", "7", "mp3", "broken.mp3", dataFlag)
                        .err())
                .contains("broken.mp3: the file is not usable media");
        assertThat(Cli.on(db, "show", "media", "8", "mp3", "ep7.mp3", dataFlag).err())
                .contains("there is no episode 8");
        assertThat(Cli.on(db, "show", "media", "7", "mp3", "../notes/0007-jails/notes.md", dataFlag)
                        .err())
                .contains("outside the media directory");

        Cli.Run vtt = Cli.on(db, "show", "transcript", "7", "ep7.vtt", "--language", "en", dataFlag);
        assertThat(vtt.exit()).as(vtt.err()).isZero();
        assertThat(vtt.out()).contains("Episode 7 transcript: ep7.vtt, text/vtt, en");
        assertThat(Cli.on(db, "show", "transcript", "7", "ep7.srt", dataFlag).err())
                .contains("a SubRip file has timing lines");
        assertThat(Cli.on(db, "show", "transcript", "7", "ep7.mp3", dataFlag).err())
                .contains("the name ends neither in .vtt, .srt nor .txt");

        Path chapters = data.resolve("chapters.json");
        Files.writeString(
                chapters,
                "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0, \"title\": \"Intro\"},"
                        + " {\"startTime\": 62.5, \"title\": \"Jails\"}]}");
        Cli.Run set = Cli.on(db, "show", "chapters", "7", chapters.toString());
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("Episode 7: chapters set from");
        Files.writeString(chapters, "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 9}, {\"startTime\": 3}]}");
        assertThat(Cli.on(db, "show", "chapters", "7", chapters.toString()).err())
                .contains("chapter 2 starts at 3 s, before chapter 1");
        Files.writeString(chapters, "{\"version\": \"1.2.0\", \"chapters\": [");
        assertThat(Cli.on(db, "show", "chapters", "7", chapters.toString()).err())
                .contains("not JSON at line 1");
        assertThat(Cli.on(db, "show", "chapters", "7").err()).contains("give either a chapters FILE or --remove");
        assertThat(Cli.on(db, "show", "chapters", "7", "--remove").out()).contains("Episode 7: chapters removed.");
    }
}
