package org.callisto.app.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Small, valid media files for the demo show, generated rather than shipped: constant-bitrate MPEG-1 layer III
 * frames of silence (zeroed side information and payload decode as silence), and an MP4 of a few boxes
 * ({@code ftyp}, {@code moov} with a movie header and video and sound tracks, {@code mdat}). Players show their
 * duration; there is nothing to hear or see. Stateless.
 */
public final class DemoMedia {
    private static final int[] BITRATES = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int SAMPLE_RATE = 44_100;

    private DemoMedia() {}

    /**
     * The demo show's artwork: a 1400 × 1400 PNG (the smallest square Apple accepts) of a moon on a night sky,
     * drawn with shapes only, so no font needs to be installed.
     */
    public static byte[] artworkPng() {
        int size = 1400;
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(size, size, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new java.awt.GradientPaint(
                    0, 0, new java.awt.Color(0x10, 0x1a, 0x3a), 0, size, new java.awt.Color(0x3b, 0x1f, 0x5c)));
            g.fillRect(0, 0, size, size);
            g.setColor(new java.awt.Color(0xe8, 0xc9, 0x8f));
            g.fillOval(350, 350, 700, 700);
            g.setColor(new java.awt.Color(0xc4, 0x9a, 0x5c));
            int[][] craters = {{520, 480, 120}, {760, 620, 170}, {560, 800, 90}, {860, 880, 60}};
            for (int[] c : craters) {
                g.fillOval(c[0], c[1], c[2], c[2]);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("demo: cannot encode the artwork", e);
        }
        return out.toByteArray();
    }

    /** About {@code seconds} of silent CBR MP3 at {@code kbps} (a bitrate of MPEG-1 layer III), 44.1 kHz stereo. */
    public static byte[] silentMp3(int seconds, int kbps) {
        int bitrateIndex = -1;
        for (int i = 1; i < BITRATES.length; i++) {
            if (BITRATES[i] == kbps) {
                bitrateIndex = i;
            }
        }
        if (bitrateIndex < 0) {
            throw new IllegalArgumentException(kbps + " kbit/s is not an MPEG-1 layer III bitrate");
        }
        long frames = Math.round(seconds * (double) SAMPLE_RATE / 1152);
        long unit = 144L * kbps * 1000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long index = 0; index < frames; index++) {
            // padding spread as an encoder does, so the average bitrate is exact
            boolean padded = (index + 1) * unit / SAMPLE_RATE - index * unit / SAMPLE_RATE > unit / SAMPLE_RATE;
            byte[] frame = new byte[(int) (unit / SAMPLE_RATE) + (padded ? 1 : 0)];
            int header = 0xFFE00000 | 3 << 19 | 1 << 17 | 1 << 16 | bitrateIndex << 12 | (padded ? 1 : 0) << 9;
            ByteBuffer.wrap(frame).putInt(header);
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** A WebVTT transcript of {@code cues}, two seconds each, in UTF-8. */
    public static byte[] transcriptVtt(java.util.List<String> cues) {
        StringBuilder b = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < cues.size(); i++) {
            b.append('\n')
                    .append(i + 1)
                    .append('\n')
                    .append(cueTime(i * 2, '.'))
                    .append(" --> ")
                    .append(cueTime(i * 2 + 2, '.'))
                    .append('\n')
                    .append(cues.get(i))
                    .append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A SubRip (SRT) transcript of {@code cues}, two seconds each, in UTF-8 with CRLF line ends. */
    public static byte[] transcriptSrt(java.util.List<String> cues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            b.append(i + 1)
                    .append("\r\n")
                    .append(cueTime(i * 2, ','))
                    .append(" --> ")
                    .append(cueTime(i * 2 + 2, ','))
                    .append("\r\n")
                    .append(cues.get(i))
                    .append("\r\n\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cueTime(int seconds, char decimal) {
        return String.format(
                java.util.Locale.ROOT, "%02d:%02d:%02d%c000", seconds / 3600, seconds / 60 % 60, seconds % 60, decimal);
    }

    /** An MP4 of {@code seconds} with a video and a sound track, {@code moov} first (fast start). */
    public static byte[] tinyMp4(int seconds) {
        byte[] moov = box("moov", mvhd(1000, seconds * 1000L), trak("vide"), trak("soun"));
        byte[] payload = new byte[4096];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(box("ftyp", ascii("isom"), new byte[] {0, 0, 2, 0}, ascii("isom"), ascii("mp42")));
        out.writeBytes(moov);
        out.writeBytes(box("mdat", payload));
        return out.toByteArray();
    }

    private static byte[] mvhd(long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(0).putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
        b.putInt(0x00010000).putShort((short) 0x0100).position(b.position() + 10);
        for (int m : new int[] {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000}) {
            b.putInt(m);
        }
        b.position(b.position() + 24).putInt(3);
        return box("mvhd", b.array());
    }

    private static byte[] trak(String handler) {
        ByteBuffer hdlr = ByteBuffer.allocate(25);
        hdlr.putInt(0).putInt(0).put(ascii(handler));
        return box(
                "trak", box("tkhd", new byte[84]), box("mdia", box("mdhd", new byte[24]), box("hdlr", hdlr.array())));
    }

    private static byte[] box(String type, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        return ByteBuffer.allocate(8 + body.size())
                .putInt(8 + body.size())
                .put(ascii(type))
                .put(body.toByteArray())
                .array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
