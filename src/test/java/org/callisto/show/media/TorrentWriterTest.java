package org.callisto.show.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentWriterTest {

    @TempDir
    Path dir;

    @Test
    void pieceLengthIsAPowerOfTwoKeepingPiecesAtMost2000() {
        assertThat(TorrentWriter.pieceLength(1)).isEqualTo(16 * 1024);
        assertThat(TorrentWriter.pieceLength(3_000_000)).isEqualTo(16 * 1024);
        assertThat(TorrentWriter.pieceLength(100L << 20)).isEqualTo(64 * 1024); // 1600 pieces
        assertThat(TorrentWriter.pieceLength(700L << 20)).isEqualTo(512 * 1024); // 1400 pieces
        assertThat(TorrentWriter.pieceLength(4L << 30)).isEqualTo(4 << 20); // 1024 pieces
        assertThat(TorrentWriter.pieceLength(50L << 30)).isEqualTo(4 << 20); // capped: 12800 pieces
        for (long length = 1 << 20; length < 8L << 30; length = length * 3 / 2) {
            int piece = TorrentWriter.pieceLength(length);
            assertThat(Integer.bitCount(piece)).isEqualTo(1);
            assertThat((length + piece - 1) / piece).isLessThanOrEqualTo(2000);
            if (piece > 16 * 1024) {
                assertThat((length + piece - 1) / piece).as("%d bytes", length).isGreaterThan(1000);
            }
        }
    }

    @Test
    void singleFileTorrentHasInfoWebSeedAndPieceHashes() throws Exception {
        byte[] content = new byte[100_000];
        new Random(7).nextBytes(content);
        Path file = TestMedia.write(dir, "episode-3.mp3", content);
        URI seed = URI.create("http://127.0.0.1:8080/media/episode-3.mp3");

        Torrent torrent = TorrentWriter.create(file, seed, Instant.ofEpochSecond(1_800_000_000L));

        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) Bencode.decode(torrent.bytes());
        assertThat(meta).containsOnlyKeys("info", "url-list", "creation date", "created by");
        assertThat(meta.get("creation date")).isEqualTo(1_800_000_000L);
        assertThat(text(meta.get("created by"))).isEqualTo("Callisto");
        assertThat((List<?>) meta.get("url-list"))
                .hasSize(1)
                .allSatisfy(u -> assertThat(text(u)).isEqualTo(seed.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) meta.get("info");
        assertThat(text(info.get("name"))).isEqualTo("episode-3.mp3");
        assertThat(info.get("length")).isEqualTo(100_000L);
        assertThat(info.get("piece length")).isEqualTo(16_384L);
        byte[] pieces = (byte[]) info.get("pieces");
        assertThat(pieces).hasSize(7 * 20);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < 7; i++) {
            byte[] piece = Arrays.copyOfRange(content, i * 16_384, Math.min(content.length, (i + 1) * 16_384));
            assertThat(Arrays.copyOfRange(pieces, i * 20, i * 20 + 20))
                    .as("piece %d", i)
                    .isEqualTo(sha1.digest(piece));
        }
        assertThat(torrent.pieces()).isEqualTo(7);
        assertThat(torrent.infoHash()).isEqualTo(sha1.digest(Bencode.encode(info)));
    }

    @Test
    void infoHashIsTheSha1OfTheBencodedInfoAsItAppearsInTheFile() throws Exception {
        Path file = TestMedia.write(dir, "a b.mp3", "x".repeat(40_000).getBytes(StandardCharsets.US_ASCII));
        Torrent torrent = TorrentWriter.create(file, URI.create("http://127.0.0.1/a%20b.mp3"), Instant.EPOCH);

        String raw = new String(torrent.bytes(), StandardCharsets.ISO_8859_1);
        int start = raw.indexOf("4:infod") + 6;
        int end = raw.indexOf("e8:url-list");
        byte[] infoBytes = Arrays.copyOfRange(torrent.bytes(), start, end + 1);

        assertThat(torrent.infoHashHex())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-1").digest(infoBytes)));
        assertThat(torrent.magnet())
                .isEqualTo("magnet:?xt=urn:btih:" + torrent.infoHashHex()
                        + "&dn=a%20b.mp3&xl=40000&ws=http%3A%2F%2F127.0.0.1%2Fa%2520b.mp3");
    }

    @Test
    void writesTheTorrentFileAtomically() throws Exception {
        Path file = TestMedia.write(dir, "show.mp4", TestMedia.mp4(0, 1000, 1000, 50_000, true, "vide"));
        Path out = dir.resolve("show.mp4.torrent");

        Instant created = Instant.parse("2026-05-01T10:00:00Z");
        Torrent torrent = TorrentWriter.write(file, URI.create("https://example.org/show.mp4"), created, out);

        assertThat(Files.readAllBytes(out)).isEqualTo(torrent.bytes());
        assertThat(torrent.bytes())
                .as("the same torrent as create() makes with the same date")
                .isEqualTo(TorrentWriter.create(file, URI.create("https://example.org/show.mp4"), created)
                        .bytes());
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("show.mp4", "show.mp4.torrent");
        }
    }

    @Test
    void refusesEmptyFilesAndRelativeSeeds() {
        Path empty = TestMedia.write(dir, "empty.mp3", new byte[0]);
        Path some = TestMedia.write(dir, "some.mp3", new byte[10]);

        assertThatThrownBy(() -> TorrentWriter.create(empty, URI.create("http://h/e"), Instant.EPOCH))
                .hasMessage("empty.mp3: the file is empty; there is nothing to share");
        assertThatThrownBy(() -> TorrentWriter.create(some, URI.create("/media/some.mp3"), Instant.EPOCH))
                .hasMessage("some.mp3: the web seed must be an absolute http or https URL, got '/media/some.mp3'");
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }
}
