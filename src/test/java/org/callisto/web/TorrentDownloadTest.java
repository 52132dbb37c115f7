package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callisto.show.media.MediaInfo;
import org.callisto.show.media.MediaInspector;
import org.callisto.show.media.TestMedia;
import org.callisto.show.media.Torrent;
import org.callisto.show.media.TorrentWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real BitTorrent client, aria2c (Debian package {@code aria2}, installed by {@code .ci/run}), downloads an episode
 * through our {@code .torrent} from its web seed alone: no tracker, no DHT, no peers, loopback only.
 */
class TorrentDownloadTest {

    private static final long PROCESS_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void aria2cDownloadsTheEpisodeFromTheWebSeedAndVerifiesEveryPiece() throws Exception {
        String aria2c = executable("aria2c");
        byte[] episode = TestMedia.cbrMp3(128, 44100, 7200, 4000, true); // about 3 MB, 3 minutes 8 seconds
        Path media = Files.createDirectories(dir.resolve("media"));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Path file = TestMedia.write(media, "episode-42.mp3", episode);
        try (MediaServer server = new MediaServer()) {
            MediaInfo info = MediaInspector.inspect(file);
            server.add(info);
            Path torrentFile = dir.resolve("episode-42.mp3.torrent");
            Torrent torrent = TorrentWriter.write(file, server.uri("episode-42.mp3"), Instant.now(), torrentFile);
            Path log = dir.resolve("aria2c.log");

            long started = System.nanoTime();
            Process process = new ProcessBuilder(
                            aria2c,
                            "--no-conf=true",
                            "--enable-dht=false",
                            "--enable-dht6=false",
                            "--bt-enable-lpd=false",
                            "--enable-peer-exchange=false",
                            "--seed-time=0",
                            "--follow-torrent=mem",
                            "--check-integrity=true",
                            "--dir=" + downloads,
                            "--summary-interval=0",
                            "--timeout=20",
                            "--max-tries=2",
                            "--interface=127.0.0.1",
                            "--file-allocation=none",
                            "--console-log-level=warn",
                            "--auto-file-renaming=false",
                            torrentFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("aria2c did not finish within " + PROCESS_TIMEOUT_SECONDS + " s; its output:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("aria2c exit status; its output:\n%s", output)
                    .isZero();

            Path downloaded = downloads.resolve("episode-42.mp3");
            assertThat(downloaded).as("aria2c output:\n%s", output).exists();
            assertThat(sha256(Files.readAllBytes(downloaded))).isEqualTo(sha256(episode));
            assertThat(server.counter.counted())
                    .as("aria2c's web-seed pieces add up to a download")
                    .isPositive();
            System.out.printf(
                    "aria2c fetched %d bytes (%d pieces of %d KiB, info hash %s) from the web seed" + " in %d ms%n",
                    episode.length, torrent.pieces(), torrent.pieceLength() / 1024, torrent.infoHashHex(), millis);
        }
    }

    /** The named program on PATH; fails the test, saying how to install it, when it is missing. */
    static String executable(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String directory : List.of("/usr/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(directory, name))) {
                return Path.of(directory, name).toString();
            }
        }
        return fail(name + " is not installed, and this test needs a real BitTorrent client: install it with"
                + " 'apt-get install -y aria2' (.ci/run does so)");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
