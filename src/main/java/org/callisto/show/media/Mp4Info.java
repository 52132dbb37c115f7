package org.callisto.show.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an ISO base media file (MP4, M4A) says about itself: its brand, the duration in its movie header
 * ({@code moov/mvhd}, versions 0 and 1) and the kinds of its tracks. Immutable.
 *
 * <p>The boxes are walked with positional reads: only box headers, {@code ftyp}, {@code mvhd}, {@code mehd} and
 * {@code hdlr} are read, so a 4 GB video costs a few dozen small reads. {@code moov} may come before or after
 * {@code mdat}; 64-bit box sizes and a last box of size 0 ("to the end of the file") are understood. A box that
 * declares more bytes than its file or parent holds is reported as truncation.
 *
 * <p>Why not a library: the one Java MP4 library on Maven Central ({@code org.mp4parser:isoparser}, last release
 * 1.9.56 in 2022; {@code com.googlecode.mp4parser} is its relocated older name) is a full reader and writer of
 * hundreds of box types, unmaintained, and its lazy parsing still maps {@code mdat}. We need one header; the walker
 * below is about 150 lines and fails with messages that name the box and the byte.
 *
 * @param majorBrand     the {@code ftyp} major brand ("isom", "mp42", "M4A ", ...), or "" without {@code ftyp}
 * @param mvhdVersion    0 (32-bit times) or 1 (64-bit times)
 * @param timescale      units per second of {@code duration}
 * @param duration       the movie's duration in {@code timescale} units (for fragmented files, {@code mehd}'s)
 * @param durationMillis the playing time
 * @param handlers       the tracks' handler types in order: "vide", "soun", "text", ...
 * @param fastStart      whether {@code moov} precedes {@code mdat}, so players can start before the download ends
 */
public record Mp4Info(
        String majorBrand,
        int mvhdVersion,
        long timescale,
        long duration,
        long durationMillis,
        List<String> handlers,
        boolean fastStart)
        implements MediaFormat {

    public Mp4Info {
        handlers = List.copyOf(handlers);
    }

    private static final int MAX_BOXES = 100_000;

    /** Whether the file has a video track. */
    public boolean hasVideo() {
        return handlers.contains("vide");
    }

    /** Reads the file's boxes; see the class comment. */
    public static Mp4Info read(Path file) throws MediaException {
        try (InspectedFile media = InspectedFile.open(file)) {
            return read(media);
        }
    }

    static Mp4Info read(InspectedFile media) throws MediaException {
        Walk walk = new Walk(media);
        List<String> topLevel = new ArrayList<>();
        long position = 0;
        while (position < media.size()) {
            Box box = walk.box(position, media.size(), null);
            topLevel.add(box.type);
            switch (box.type) {
                case "ftyp" -> walk.brand = box.size() >= 12 ? ascii(media.read(box.contentStart(), 4)) : "";
                case "moov" -> {
                    if (walk.moovSeen) {
                        throw media.fail("a second 'moov' box at byte " + box.start + "; the file is corrupt");
                    }
                    walk.moovSeen = true;
                    walk.fastStart = !walk.mdatSeen;
                    walk.children(box, 1);
                }
                case "mdat" -> walk.mdatSeen = true;
                default -> {}
            }
            position = box.end();
            if (topLevel.size() > MAX_BOXES) {
                throw media.fail("more than " + MAX_BOXES + " top-level boxes; the file is not a usable MP4");
            }
        }
        if (!walk.moovSeen) {
            throw media.fail("no 'moov' box (top-level boxes: "
                    + String.join(", ", topLevel.subList(0, Math.min(10, topLevel.size())))
                    + "); the file is incomplete or was not finalised by its recorder");
        }
        if (walk.timescale <= 0) {
            throw media.fail("no 'mvhd' movie header in 'moov', or its timescale is 0; cannot tell the duration");
        }
        long duration = walk.duration == 0 ? walk.fragmentDuration : walk.duration;
        long millis = duration / walk.timescale * 1000 + duration % walk.timescale * 1000 / walk.timescale;
        return new Mp4Info(
                walk.brand, walk.mvhdVersion, walk.timescale, duration, millis, walk.handlers, walk.fastStart);
    }

    /** Whether the first 8 bytes look like the first box of an ISO base media file. */
    static boolean sniff(ByteBuffer head) {
        if (head.remaining() < 8) {
            return false;
        }
        String type = ascii(head.slice(4, 4));
        return switch (type) {
            case "ftyp", "moov", "mdat", "free", "skip", "wide" -> true;
            default -> false;
        };
    }

    private static String ascii(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(b.position(), bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A box: where it starts, its type, header length and whole size. */
    private record Box(long start, String type, int headerLength, long size) {
        long contentStart() {
            return start + headerLength;
        }

        long end() {
            return start + size;
        }
    }

    /** The walk's state: what has been found so far. Confined to one call of {@link #read(InspectedFile)}. */
    private static final class Walk {
        private final InspectedFile media;
        private String brand = "";
        private boolean moovSeen;
        private boolean mdatSeen;
        private boolean fastStart;
        private int mvhdVersion;
        private long timescale;
        private long duration;
        private long fragmentDuration;
        private final List<String> handlers = new ArrayList<>();
        private int boxes;

        Walk(InspectedFile media) {
            this.media = media;
        }

        /** Reads the header of the box at {@code start}, which must end by {@code limit} (its parent's end). */
        Box box(long start, long limit, Box parent) throws MediaException {
            if (++boxes > MAX_BOXES) {
                throw media.fail("more than " + MAX_BOXES + " boxes; the file is not a usable MP4");
            }
            ByteBuffer h = media.read(start, 16);
            if (h.remaining() < 8) {
                throw media.fail(where(parent) + "a box header at byte " + start + " is cut short (" + h.remaining()
                        + " of 8 bytes, file has " + media.size() + ")");
            }
            long size = h.getInt(0) & 0xFFFFFFFFL;
            String type = ascii(h.slice(4, 4));
            if (!type.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw media.fail(where(parent) + "no valid box at byte " + start + " (type bytes " + hex(h.slice(4, 4))
                        + "); is it really an MP4?");
            }
            int headerLength = 8;
            if (size == 1) {
                if (h.remaining() < 16) {
                    throw media.fail("box '" + type + "' at byte " + start + " has a 64-bit size cut short");
                }
                size = h.getLong(8);
                headerLength = 16;
            } else if (size == 0) {
                size = limit - start;
            }
            if (size < headerLength) {
                throw media.fail(where(parent) + "box '" + type + "' at byte " + start + " declares " + size
                        + " bytes, less than its own " + headerLength + "-byte header; the file is corrupt");
            }
            if (size > limit - start) {
                if (parent == null) {
                    throw media.fail("box '" + type + "' is truncated at byte " + start + " (declares " + size
                            + " bytes, file has " + media.size() + "); the upload or recording did not finish");
                }
                throw media.fail("box '" + type + "' at byte " + start + " declares " + size
                        + " bytes, past the end of its parent '" + parent.type + "' at byte " + parent.end()
                        + "; the file is corrupt");
            }
            return new Box(start, type, headerLength, size);
        }

        /** Walks the children of a container box, reading the few boxes that matter. */
        void children(Box parent, int depth) throws MediaException {
            long position = parent.contentStart();
            while (position + 8 <= parent.end()) {
                Box box = box(position, parent.end(), parent);
                switch (box.type) {
                    case "trak", "mdia", "mvex" -> {
                        if (depth < 3) { // moov/trak/mdia and moov/mvex: no deeper, whatever a file nests
                            children(box, depth + 1);
                        }
                    }
                    case "mvhd" -> movieHeader(box);
                    case "mehd" -> fragmentDuration = fullBoxValue(box, 0);
                    case "hdlr" -> {
                        if (parent.type.equals("mdia") && box.size >= box.headerLength + 12) {
                            handlers.add(ascii(media.read(box.contentStart() + 8, 4)));
                        }
                    }
                    default -> {}
                }
                position = box.end();
            }
        }

        private void movieHeader(Box box) throws MediaException {
            ByteBuffer b = media.read(box.contentStart(), (int) Math.min(box.size - box.headerLength, 32));
            int version = b.remaining() > 0 ? b.get(0) & 0xFF : -1;
            int needed = version == 1 ? 32 : 20;
            if ((version != 0 && version != 1) || b.remaining() < needed) {
                throw media.fail("the 'mvhd' box at byte " + box.start
                        + (version > 1
                                ? " has unknown version " + version
                                : " is too short (" + b.remaining() + " bytes)")
                        + "; cannot read the duration");
            }
            mvhdVersion = version;
            if (version == 1) {
                timescale = b.getInt(20) & 0xFFFFFFFFL;
                duration = b.getLong(24);
            } else {
                timescale = b.getInt(12) & 0xFFFFFFFFL;
                duration = b.getInt(16) & 0xFFFFFFFFL;
                if (duration == 0xFFFFFFFFL) {
                    duration = 0; // "unknown": take mehd's, if any
                }
            }
            if (duration < 0) {
                duration = 0; // all ones in version 1 also means unknown
            }
        }

        /** The first value after a full box's version and flags: 32-bit in version 0, 64-bit in version 1. */
        private long fullBoxValue(Box box, int index) throws MediaException {
            ByteBuffer b = media.read(box.contentStart(), 12);
            if (b.remaining() < 8) {
                return 0;
            }
            return (b.get(0) & 0xFF) == 1 && b.remaining() >= 12
                    ? b.getLong(4 + index * 8)
                    : b.getInt(4 + index * 4) & 0xFFFFFFFFL;
        }

        private static String where(Box parent) {
            return parent == null ? "" : "inside '" + parent.type + "' at byte " + parent.start + ": ";
        }

        private static String hex(ByteBuffer b) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < b.remaining(); i++) {
                s.append(String.format("%02x", b.get(b.position() + i) & 0xFF));
            }
            return s.toString();
        }
    }
}
