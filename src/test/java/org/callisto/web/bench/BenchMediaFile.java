package org.callisto.web.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import org.callisto.app.demo.DemoMedia;
import org.callisto.show.media.MediaInspector;

/**
 * Writes a large MP4 for {@code bin/bench-downloads}: the demo's small MP4 ({@code ftyp}, {@code moov}) followed by
 * an {@code mdat} box filled with pseudo-random bytes, so that the file is real data on disk (not sparse, not
 * compressible) and still a media file that Callisto's inspector accepts. Deterministic (fixed seed).
 *
 * <p>Usage: {@code BenchMediaFile FILE MEGABYTES}; does nothing when FILE already has that size.
 */
public final class BenchMediaFile {

    private BenchMediaFile() {}

    public static void main(String[] args) throws IOException, org.callisto.show.media.MediaException {
        if (args.length != 2) {
            System.err.println("usage: BenchMediaFile FILE MEGABYTES");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * 1_000_000L;
        if (Files.isRegularFile(file) && Files.size(file) == size) {
            System.err.println("bench: " + file + " is already there (" + size + " bytes)");
            return;
        }
        byte[] small = DemoMedia.tinyMp4(3600);
        int mdatAt = small.length - 4096 - 8; // tinyMp4 ends with an mdat of 4096 bytes
        if (small[mdatAt + 4] != 'm' || small[mdatAt + 5] != 'd') {
            throw new IllegalStateException("bench: the demo MP4 no longer ends with its mdat box");
        }
        long payload = size - mdatAt - 8;
        if (payload <= 0 || payload + 8 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("bench: " + args[1] + " MB does not fit one 32-bit mdat box");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(20_260_501L);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(small, 0, mdatAt);
            out.write(ByteBuffer.allocate(8)
                    .putInt((int) (payload + 8))
                    .put("mdat".getBytes())
                    .array());
            byte[] chunk = new byte[1 << 20];
            ByteBuffer longs = ByteBuffer.wrap(chunk);
            for (long left = payload; left > 0; left -= chunk.length) {
                longs.clear();
                while (longs.remaining() >= 8) {
                    longs.putLong(random.nextLong());
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.err.println("bench: wrote " + file + ": "
                + MediaInspector.inspect(file).mimeType() + ", " + Files.size(file) + " bytes");
    }
}
