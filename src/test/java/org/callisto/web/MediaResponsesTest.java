package org.callisto.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callisto.show.media.MediaInfo;
import org.callisto.show.media.MediaInspector;
import org.callisto.show.media.Mp4Info;
import org.callisto.show.media.TestMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaResponsesTest {

    @TempDir
    static Path dir;

    static MediaServer server;
    static byte[] mp3;
    static MediaInfo info;
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final String NAME = "episode-7.mp3";

    @BeforeAll
    static void start() throws Exception {
        mp3 = TestMedia.cbrMp3(128, 44100, 1000, 1000, true);
        Path file = TestMedia.write(dir, NAME, mp3);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-05-01T10:15:30.250Z")));
        info = MediaInspector.inspect(file);
        server = new MediaServer().add(info);
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(server.failures).as("exceptions that reached Javalin").isEmpty();
    }

    static HttpResponse<byte[]> get(String... headers) throws Exception {
        return send("GET", NAME, headers);
    }

    static HttpResponse<byte[]> send(String method, String name, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(name))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void mediaBytesSentAreCountedForWholeFilesAndRangesButNotForHead() throws Exception {
        try (MediaServer own = new MediaServer().add(info)) {
            HttpRequest.Builder b = HttpRequest.newBuilder(own.uri(NAME)).timeout(Duration.ofSeconds(10));
            assertThat(CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                            .body())
                    .hasSize(mp3.length);
            assertThat(CLIENT.send(
                                    b.GET().header("Range", "bytes=100-199").build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .statusCode())
                    .isEqualTo(206);
            CLIENT.send(
                    HttpRequest.newBuilder(own.uri(NAME))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(own.meters.get("callisto.media.bytes.sent").counter().count())
                    .isEqualTo(mp3.length + 100.0);
        }
    }

    @Test
    void headAnswersLengthTypeAndValidatorsWithoutABody() throws Exception {
        long before = server.counter.counted();

        HttpResponse<byte[]> head = send("HEAD", NAME);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(mp3.length));
        assertThat(header(head, "Content-Type")).isEqualTo("audio/mpeg");
        assertThat(header(head, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(head, "Last-Modified")).isEqualTo("Fri, 01 May 2026 10:15:30 GMT");
        assertThat(header(head, "ETag")).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        assertThat(server.counter.counted()).as("HEAD is not a download").isEqualTo(before);
    }

    @Test
    void getSendsTheWholeFileAndCountsADownload() throws Exception {
        long before = server.counter.counted();

        HttpResponse<byte[]> response = get("User-Agent", "WholeFileTest/" + System.nanoTime());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(mp3);
        assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(mp3.length));
        assertThat(header(response, "Content-Range")).isNull();
        // the server counts once the last byte has gone out, which may be a moment after the client has it all
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (server.counter.counted() < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.counter.counted()).isEqualTo(before + 1);
    }

    @Test
    void singleSuffixAndOpenEndedRangesAnswer206() throws Exception {
        int n = mp3.length;
        long before = server.counter.counted();

        String agent = "RangesTest/" + System.nanoTime();
        HttpResponse<byte[]> single = get("Range", "bytes=100-199", "User-Agent", agent);
        HttpResponse<byte[]> suffix = get("Range", "bytes=-500", "User-Agent", agent);
        HttpResponse<byte[]> open = get("Range", "bytes=400000-", "User-Agent", agent);
        HttpResponse<byte[]> clamped =
                get("Range", "bytes=" + (n - 10) + "-99999999999999999999999", "User-Agent", agent);
        HttpResponse<byte[]> biggerSuffix = get("Range", "bytes=-" + (n * 2), "User-Agent", agent);

        assertThat(single.statusCode()).isEqualTo(206);
        assertThat(single.body()).isEqualTo(Arrays.copyOfRange(mp3, 100, 200));
        assertThat(header(single, "Content-Range")).isEqualTo("bytes 100-199/" + n);
        assertThat(header(single, "Content-Length")).isEqualTo("100");
        assertThat(header(single, "Content-Type")).isEqualTo("audio/mpeg");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(mp3, n - 500, n));
        assertThat(header(suffix, "Content-Range")).isEqualTo("bytes " + (n - 500) + "-" + (n - 1) + "/" + n);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(mp3, 400000, n));
        assertThat(clamped.body()).isEqualTo(Arrays.copyOfRange(mp3, n - 10, n));
        assertThat(biggerSuffix.statusCode()).isEqualTo(206);
        assertThat(biggerSuffix.body()).isEqualTo(mp3);
        assertThat(server.counter.counted())
                .as("one listener's ranges add up to one download")
                .isEqualTo(before + 1);

        get("Range", "bytes=0-1023", "User-Agent", agent);
        assertThat(server.counter.counted()).as("and it counts once").isEqualTo(before + 1);
    }

    @Test
    void severalRangesAnswerMultipartByteranges() throws Exception {
        HttpResponse<byte[]> response = get("Range", "bytes=0-9, 1000-1099,-20");

        assertThat(response.statusCode()).isEqualTo(206);
        String type = header(response, "Content-Type");
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(response.body().length));
        List<Part> parts = multipart(response.body(), type.substring(type.indexOf('=') + 1));
        int n = mp3.length;
        assertThat(parts)
                .extracting(Part::contentRange)
                .containsExactly(
                        "bytes 0-9/" + n, "bytes 1000-1099/" + n, "bytes " + (n - 20) + "-" + (n - 1) + "/" + n);
        assertThat(parts).allSatisfy(p -> assertThat(p.contentType()).isEqualTo("audio/mpeg"));
        assertThat(parts.get(0).body()).isEqualTo(Arrays.copyOfRange(mp3, 0, 10));
        assertThat(parts.get(1).body()).isEqualTo(Arrays.copyOfRange(mp3, 1000, 1100));
        assertThat(parts.get(2).body()).isEqualTo(Arrays.copyOfRange(mp3, n - 20, n));
    }

    @Test
    void overlappingRangesAreMergedSoNoByteIsSentTwice() throws Exception {
        HttpResponse<byte[]> merged = get("Range", "bytes=50-99,0-59,100-120");
        HttpResponse<byte[]> two = get("Range", "bytes=500-600,0-10,550-700");

        assertThat(merged.statusCode()).isEqualTo(206);
        assertThat(header(merged, "Content-Range")).isEqualTo("bytes 0-120/" + mp3.length);
        assertThat(merged.body()).isEqualTo(Arrays.copyOfRange(mp3, 0, 121));
        String type = header(two, "Content-Type");
        assertThat(multipart(two.body(), type.substring(type.indexOf('=') + 1)))
                .extracting(Part::contentRange)
                .containsExactly("bytes 0-10/" + mp3.length, "bytes 500-700/" + mp3.length);
    }

    @Test
    void rangesPastTheEndAnswer416WithTheLength() throws Exception {
        for (String range : List.of(
                "bytes=" + mp3.length + "-",
                "bytes=999999999-999999999",
                "bytes=-0",
                "bytes=" + mp3.length + "-" + (mp3.length + 5) + ",-0")) {
            HttpResponse<byte[]> response = get("Range", range);

            assertThat(response.statusCode()).as(range).isEqualTo(416);
            assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + mp3.length);
        }
        assertThat(get("Range", "bytes=" + mp3.length + "-,0-0").statusCode()).isEqualTo(206);
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheCurrentVersion() throws Exception {
        String etag = header(get(), "ETag");
        String lastModified = header(get(), "Last-Modified");

        HttpResponse<byte[]> sameTag = get("Range", "bytes=0-9", "If-Range", etag);
        HttpResponse<byte[]> otherTag = get("Range", "bytes=0-9", "If-Range", "\"0-0\"");
        HttpResponse<byte[]> weakTag = get("Range", "bytes=0-9", "If-Range", "W/" + etag);
        HttpResponse<byte[]> sameDate = get("Range", "bytes=0-9", "If-Range", lastModified);
        HttpResponse<byte[]> sameDateOneDigitDay =
                get("Range", "bytes=0-9", "If-Range", "Fri, 1 May 2026 10:15:30 GMT");
        HttpResponse<byte[]> olderDate = get("Range", "bytes=0-9", "If-Range", "Thu, 30 Apr 2026 10:15:30 GMT");
        HttpResponse<byte[]> garbage = get("Range", "bytes=0-9", "If-Range", "yesterday");

        assertThat(sameTag.statusCode()).isEqualTo(206);
        assertThat(sameTag.body()).hasSize(10);
        assertThat(sameDate.statusCode()).isEqualTo(206);
        assertThat(sameDateOneDigitDay.statusCode()).isEqualTo(206);
        for (HttpResponse<byte[]> whole : List.of(otherTag, weakTag, olderDate, garbage)) {
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(mp3);
        }
    }

    @Test
    void validatorsAnswer304() throws Exception {
        HttpResponse<byte[]> first = get();
        String etag = header(first, "ETag");

        HttpResponse<byte[]> byTag = get("If-None-Match", "\"x\", " + etag);
        HttpResponse<byte[]> byDate = get("If-Modified-Since", header(first, "Last-Modified"));
        HttpResponse<byte[]> tagWins =
                get("If-None-Match", "\"x\"", "If-Modified-Since", header(first, "Last-Modified"));
        HttpResponse<byte[]> headByTag = send("HEAD", NAME, "If-None-Match", etag);

        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(header(byTag, "ETag")).isEqualTo(etag);
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(tagWins.statusCode()).isEqualTo(200);
        assertThat(headByTag.statusCode()).isEqualTo(304);
        assertThat(get("If-Modified-Since", "Thu, 30 Apr 2026 10:15:30 GMT").statusCode())
                .isEqualTo(200);
        assertThat(get("If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRangeHeadersAreIgnoredNeverAnError() throws Exception {
        for (String range : List.of(
                "bytes=abc",
                "bytes=5-1",
                "items=0-1",
                "bytes=",
                "bytes=-",
                "bytes=1-2-3",
                "bytes=0-1,",
                "bytes 0-1",
                "bytes=0x10-20",
                "bytes=+1-2",
                "bytes=1 - 2",
                "=",
                "bytes=--1",
                "bytes=0-1;x",
                "bytes=\u00e9-1",
                "BYTES=-")) {
            HttpResponse<byte[]> response = get("Range", range);

            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.body()).as(range).isEqualTo(mp3);
        }
        assertThat(get("Range", "Bytes=0-0").statusCode())
                .as("the unit is case-insensitive")
                .isEqualTo(206);
    }

    @Test
    void thousandsOfRangesAreIgnoredAndSeventeenToo() throws Exception {
        String thousand = "bytes=" + String.join(",", java.util.Collections.nCopies(1000, "1-1"));
        List<String> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(i * 100 + "-" + (i * 100 + 9));
        }
        String raw = rawGet("/media/" + NAME, "Range: " + thousand);

        assertThat(raw).startsWith("HTTP/1.1 200 ");
        assertThat(raw).containsIgnoringCase("Content-Length: " + mp3.length);
        assertThat(get("Range", "bytes=" + String.join(",", seventeen)).statusCode())
                .isEqualTo(200);
        assertThat(get("Range", "bytes=" + String.join(",", seventeen.subList(0, 16)))
                        .statusCode())
                .isEqualTo(206);
    }

    @Test
    void rangesAcrossMappingWindowsOfALargeFileAreExact() throws Exception {
        byte[] big = new byte[(MediaResponses.WINDOW_MIB * 2 + 1) * 1024 * 1024 + 12345];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i ^ i >>> 8 ^ i >>> 16);
        }
        Path file = TestMedia.write(dir, "big.mp4", big);
        server.add(
                new MediaInfo(file, big.length, "video/mp4", 0, new Mp4Info("isom", 0, 1000, 0, 0, List.of(), true)));
        int window = MediaResponses.WINDOW_MIB * 1024 * 1024;

        HttpResponse<byte[]> whole = send("GET", "big.mp4");
        HttpResponse<byte[]> across = send("GET", "big.mp4", "Range", "bytes=" + (window - 5) + "-" + (window + 5));
        HttpResponse<byte[]> tail = send("GET", "big.mp4", "Range", "bytes=" + (window * 2 - 1) + "-");

        assertThat(whole.body()).isEqualTo(big);
        assertThat(across.body()).isEqualTo(Arrays.copyOfRange(big, window - 5, window + 6));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(big, window * 2 - 1, big.length));
    }

    @Test
    void aClientLeavingMidDownloadEndsTheResponseQuietly() throws Exception {
        byte[] big = new byte[40 * 1024 * 1024];
        Path file = TestMedia.write(dir, "abandoned.mp4", big);
        server.add(
                new MediaInfo(file, big.length, "video/mp4", 0, new Mp4Info("isom", 0, 1000, 0, 0, List.of(), true)));
        int before = server.finished.get();

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write("GET /media/abandoned.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            for (long read = 0; read < 1024 * 1024; ) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                read += n;
            }
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.finished.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(server.finished.get()).as("the handler returned").isGreaterThan(before);
        assertThat(server.failures).isEmpty();
        assertThat(get("Range", "bytes=0-3").statusCode()).isEqualTo(206);
    }

    @Test
    void aFileThatDisappearedAnswers404() throws Exception {
        Path file = TestMedia.write(dir, "gone.mp3", mp3);
        server.add(MediaInspector.inspect(file));
        Files.delete(file);

        HttpResponse<byte[]> response = send("GET", "gone.mp3");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("gone.mp3 is no longer available.\n");
    }

    /** Sends a GET over a raw socket (no client-side header rules) and returns the response head. */
    static String rawGet(String path, String header) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.ISO_8859_1);
            return text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
        }
    }

    record Part(String contentType, String contentRange, byte[] body) {}

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** Parses a multipart/byteranges body strictly: each part's length comes from its Content-Range. */
    static List<Part> multipart(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = 0;
        String delimiter = "\r\n--" + boundary;
        while (true) {
            assertThat(text.startsWith(delimiter, at)).as("delimiter at %d", at).isTrue();
            at += delimiter.length();
            if (text.startsWith("--\r\n", at)) {
                assertThat(at + 4).isEqualTo(body.length);
                return parts;
            }
            int headersEnd = text.indexOf("\r\n\r\n", at);
            String type = null;
            String range = null;
            for (String line : text.substring(at + 2, headersEnd).split("\r\n")) {
                String[] kv = line.split(": ", 2);
                if (kv[0].equalsIgnoreCase("Content-Type")) {
                    type = kv[1];
                } else if (kv[0].equalsIgnoreCase("Content-Range")) {
                    range = kv[1];
                }
            }
            Matcher m = RANGE.matcher(range);
            assertThat(m.matches()).isTrue();
            int length = (int) (Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1);
            at = headersEnd + 4;
            parts.add(new Part(type, range, Arrays.copyOfRange(body, at, at + length)));
            at += length;
        }
    }
}
