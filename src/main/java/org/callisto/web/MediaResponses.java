package org.callisto.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.callisto.show.media.AudioSpan;
import org.callisto.show.media.DownloadCounter;
import org.callisto.show.media.MediaInfo;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * Serves media files for direct download from a Javalin handler: {@code HEAD} and {@code GET}, byte ranges (one,
 * suffix, open-ended, several as {@code multipart/byteranges}), validators ({@code ETag}, {@code Last-Modified}),
 * conditional requests ({@code If-None-Match}, {@code If-Modified-Since} answer 304; {@code If-Range} decides between
 * the range and the whole file), and 416 for ranges past the end. Podcast apps and web seeds of our torrents depend
 * on ranges. Range rules are in {@link RangeRequest}; nothing a client sends produces a 500.
 *
 * <p>The {@code ETag} is strong, made of the file's length and modification time: a media file is replaced, never
 * edited, so both change together with its bytes. It is read from the file on every request.
 *
 * <p>How the bytes are sent: Jetty 12 has no {@code sendfile}; its static resource handler reads files into pooled
 * buffers (one copy through user space). Here each range is memory-mapped in windows of
 * {@value #WINDOW_MIB} MiB and the mapped buffer is handed to Jetty's {@link HttpOutput#write(ByteBuffer)}, which
 * writes it to the socket directly: the kernel copies from the page cache to the socket, and the bytes never pass
 * through the Java heap. The mapping lives in a shared {@link Arena} closed after each window, so unmapping is
 * deterministic rather than left to the garbage collector. Javalin's {@code ctx.result(InputStream)} and
 * {@code writeSeekableStream} were not used: both copy through a heap buffer, and {@code writeSeekableStream}
 * handles a single range only. When the response is not Jetty's (another servlet container), the file is copied
 * through a stream instead. Mapped files must not be truncated while served; media files are written once and
 * replaced by rename, which keeps the old inode alive for readers.
 *
 * <p>Register the handler for both GET and HEAD, e.g. {@code routes.get(path, h); routes.head(path, h);}.
 *
 * <p>Thread-safe: one instance serves every request; its only state is the {@link DownloadCounter}.
 */
public final class MediaResponses {

    static final int WINDOW_MIB = 16;
    private static final long WINDOW = WINDOW_MIB * 1024L * 1024;

    private final DownloadCounter counter;
    private final Counter bytesSent;

    public MediaResponses(DownloadCounter counter) {
        this(counter, new CompositeMeterRegistry());
    }

    /** Media responses that add the media bytes they send to {@code callisto.media.bytes.sent} in {@code registry}. */
    public MediaResponses(DownloadCounter counter, MeterRegistry registry) {
        this.counter = counter;
        this.bytesSent = Counter.builder("callisto.media.bytes.sent")
                .description("Bytes of media files sent (range and part headers not included)")
                .baseUnit("bytes")
                .register(registry);
    }

    /** The counter this instance counts downloads with. */
    public DownloadCounter counter() {
        return counter;
    }

    /**
     * Answers {@code ctx}'s GET or HEAD with {@code media}'s file. A file that has disappeared answers 404; the
     * caller decides which files may be served.
     */
    public void serve(Context ctx, MediaInfo media) throws IOException {
        serve(ctx, media, String.valueOf(media.path().getFileName()));
    }

    /**
     * Answers {@code ctx}'s GET or HEAD with {@code media}'s file, counting a download under {@code countAs} (the
     * show passes the path in its media directory), or counting nothing when {@code countAs} is null.
     */
    public void serve(Context ctx, MediaInfo media, String countAs) throws IOException {
        send(ctx, media.path(), media.mimeType(), countAs, countAs == null ? null : AudioSpan.of(media));
    }

    /**
     * Answers {@code ctx}'s GET or HEAD with any file as {@code mimeType} (the show's transcripts, say), with the
     * same ranges and validators as media; nothing is counted.
     */
    public void serveFile(Context ctx, java.nio.file.Path file, String mimeType) throws IOException {
        send(ctx, file, mimeType, null, null);
    }

    private void send(Context ctx, java.nio.file.Path file, String mimeType, String countAs, AudioSpan span)
            throws IOException {
        record Media(java.nio.file.Path path, String mimeType) {}
        Media media = new Media(file, mimeType);
        HttpServletResponse res = ctx.res();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(media.path(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            res.setStatus(404);
            res.setContentType("text/plain; charset=utf-8");
            ctx.result(media.path().getFileName() + " is no longer available.\n");
            return;
        }
        long length = attributes.size();
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(length) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
        boolean head = ctx.method().name().equals("HEAD");

        res.setHeader("Accept-Ranges", "bytes");
        res.setHeader("ETag", etag);
        res.setHeader("Last-Modified", HttpDates.format(modified));
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, modified)) {
            res.setStatus(304);
            return;
        }
        RangeRequest request = head || !rangeStillValid(ctx.header("If-Range"), etag, modified)
                ? RangeRequest.parse(null, length)
                : RangeRequest.parse(ctx.header("Range"), length);
        if (request.kind() == RangeRequest.Kind.UNSATISFIABLE) {
            res.setStatus(416);
            res.setHeader("Content-Range", "bytes */" + length);
            res.setContentType("text/plain; charset=utf-8");
            ctx.result("None of the requested ranges starts before the end of the file (" + length + " bytes).\n");
            return;
        }
        List<ByteRange> ranges = request.kind() == RangeRequest.Kind.RANGES
                ? request.ranges()
                : length == 0 ? List.of() : List.of(RangeRequest.whole(length));
        DownloadCounter.Listening listening = null;
        if (!head && countAs != null && !ranges.isEmpty() && !probe(ranges)) {
            listening = counter.listen(countAs, span, ClientAddress.of(ctx), ctx.header("User-Agent"));
        }
        if (request.kind() == RangeRequest.Kind.WHOLE || ranges.size() == 1) {
            res.setStatus(request.kind() == RangeRequest.Kind.WHOLE ? 200 : 206);
            res.setContentType(media.mimeType());
            if (request.kind() == RangeRequest.Kind.RANGES) {
                res.setHeader("Content-Range", ranges.getFirst().contentRange(length));
            }
            res.setContentLengthLong(ranges.isEmpty() ? 0 : ranges.getFirst().length());
            if (!head && !ranges.isEmpty()) {
                try (FileChannel channel = FileChannel.open(media.path(), StandardOpenOption.READ)) {
                    copy(channel, ranges.getFirst(), res.getOutputStream(), listening);
                } catch (IOException e) {
                    abandoned(res, e);
                }
            }
            return;
        }
        String boundary =
                "CALLISTO-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        List<byte[]> partHeads = ranges.stream()
                .map(r -> ("\r\n--" + boundary + "\r\nContent-Type: " + media.mimeType() + "\r\nContent-Range: "
                                + r.contentRange(length) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII))
                .toList();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long total = tail.length;
        for (int i = 0; i < ranges.size(); i++) {
            total += partHeads.get(i).length + ranges.get(i).length();
        }
        res.setStatus(206);
        res.setContentType("multipart/byteranges; boundary=" + boundary);
        res.setContentLengthLong(total);
        try (FileChannel channel = FileChannel.open(media.path(), StandardOpenOption.READ)) {
            ServletOutputStream out = res.getOutputStream();
            for (int i = 0; i < ranges.size(); i++) {
                out.write(partHeads.get(i));
                copy(channel, ranges.get(i), out, listening);
            }
            out.write(tail);
        } catch (IOException e) {
            abandoned(res, e);
        }
    }

    /**
     * A failure while the body was being sent. Once the status line has gone out nothing more can be said to the
     * client, and the usual cause is the client itself: podcast apps and players drop connections when they seek
     * or stop. So a committed response ends quietly (Jetty closes the connection, as the body is short of its
     * Content-Length); before the commit the failure is the caller's to report.
     */
    private static void abandoned(HttpServletResponse res, IOException e) throws IOException {
        if (!res.isCommitted()) {
            throw e;
        }
    }

    /** Writes one range: mapped windows handed to Jetty, or a stream copy elsewhere. See the class comment. */
    private void copy(FileChannel channel, ByteRange range, OutputStream out, DownloadCounter.Listening listening)
            throws IOException {
        if (out instanceof HttpOutput jetty) {
            for (long position = range.first(); position <= range.last(); position += WINDOW) {
                long size = Math.min(WINDOW, range.last() + 1 - position);
                try (Arena arena = Arena.ofShared()) {
                    MemorySegment window = channel.map(FileChannel.MapMode.READ_ONLY, position, size, arena);
                    jetty.write(window.asByteBuffer());
                    bytesSent.increment(size);
                    if (listening != null) {
                        listening.delivered(position, position + size - 1);
                    }
                }
            }
            return;
        }
        channel.position(range.first());
        InputStream in = Channels.newInputStream(channel);
        long remaining = range.length();
        byte[] buffer = new byte[64 * 1024];
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("the file ended before byte " + range.last());
            }
            out.write(buffer, 0, n);
            bytesSent.increment(n);
            if (listening != null) {
                listening.delivered(range.last() + 1 - remaining, range.last() - remaining + n);
            }
            remaining -= n;
        }
    }

    /** Whether the request is Apple's {@code bytes=0-1} kind of probe (a range of at most two bytes at the start). */
    private static boolean probe(List<ByteRange> ranges) {
        return ranges.size() == 1
                && ranges.getFirst().first() == 0
                && ranges.getFirst().last() <= 1;
    }

    /** Whether the client's copy is current: If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2). */
    private static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant modified) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",", 64)) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true; // weak comparison, as If-None-Match uses
                }
            }
            return false;
        }
        Instant since = httpDate(ifModifiedSince);
        return since != null && !modified.isAfter(since);
    }

    /**
     * Whether a Range may be honoured given If-Range: absent, or naming the current ETag (strong comparison) or
     * exactly the current Last-Modified date. Otherwise the client's partial copy is stale and gets the whole file.
     */
    private static boolean rangeStillValid(String ifRange, String etag, Instant modified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        Instant date = httpDate(value);
        return date != null && date.equals(modified);
    }

    private static Instant httpDate(String value) {
        return HttpDates.parse(value);
    }
}
