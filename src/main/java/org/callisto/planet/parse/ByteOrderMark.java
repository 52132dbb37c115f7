package org.callisto.planet.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What the first four bytes of a document say about its encoding, in feedparser's order (XML 1.0 appendix F): a
 * byte-order mark for UTF-32 BE/LE, UTF-16 BE/LE or UTF-8 (skipped), else the bytes of {@code <?xm} in UTF-16,
 * UTF-32 or EBCDIC. Beyond feedparser, {@code <} followed by a letter in UTF-16 without a mark (a feed with no XML
 * declaration) is recognised too. UTF-32 in the byte orders 2143 and 3412 is recognised only to be refused, as
 * feedparser (and Python, and Java) cannot decode it. Immutable.
 *
 * @param name    the encoding as feedparser names it ({@code utf-16le}, {@code cp037}...), or null when the bytes
 *                say nothing
 * @param charset the Java charset for {@code name}, or null
 * @param offset  bytes to skip (the length of the mark; 0 when the encoding was recognised from {@code <?xm})
 */
record ByteOrderMark(String name, Charset charset, int offset) {
    static final ByteOrderMark NONE = new ByteOrderMark(null, null, 0);

    /** Reads the mark, or the encoded {@code <?xm}, at the start of {@code b}. */
    static ByteOrderMark sniff(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new ByteOrderMark("utf-32be", Charset.forName("UTF-32BE"), 4);
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new ByteOrderMark("utf-32le", Charset.forName("UTF-32LE"), 4);
        }
        if (starts(b, 0xFE, 0xFF) && !starts(b, 0xFE, 0xFF, 0x00, 0x00)) {
            return new ByteOrderMark("utf-16be", StandardCharsets.UTF_16BE, 2);
        }
        if (starts(b, 0xFF, 0xFE)) {
            return new ByteOrderMark("utf-16le", StandardCharsets.UTF_16LE, 2);
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return new ByteOrderMark("utf-8", StandardCharsets.UTF_8, 3);
        }
        if (starts(b, 0x4C, 0x6F, 0xA7, 0x94)) {
            return new ByteOrderMark("cp037", Charset.forName("IBM037"), 0);
        }
        if (starts(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return new ByteOrderMark("utf-16be", StandardCharsets.UTF_16BE, 0);
        }
        if (starts(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return new ByteOrderMark("utf-16le", StandardCharsets.UTF_16LE, 0);
        }
        if (starts(b, 0x00, 0x00, 0x00, 0x3C)) {
            return new ByteOrderMark("utf-32be", Charset.forName("UTF-32BE"), 0);
        }
        if (starts(b, 0x3C, 0x00, 0x00, 0x00)) {
            return new ByteOrderMark("utf-32le", Charset.forName("UTF-32LE"), 0);
        }
        // beyond feedparser: "<r" (no XML declaration) in UTF-16 without a mark
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] != 0) {
            return new ByteOrderMark("utf-16be", StandardCharsets.UTF_16BE, 0);
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            return new ByteOrderMark("utf-16le", StandardCharsets.UTF_16LE, 0);
        }
        return NONE;
    }

    /**
     * A description of the UTF-32 byte order 2143 or 3412 when {@code b} starts with its mark or with {@code <} in
     * it, else null. No decoder reads these orders.
     */
    static String unusualUtf32(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFF, 0xFE) || starts(b, 0x00, 0x00, 0x3C, 0x00)) {
            return "UTF-32 in the byte order 2143";
        }
        if (starts(b, 0xFE, 0xFF, 0x00, 0x00) || starts(b, 0x00, 0x3C, 0x00, 0x00)) {
            return "UTF-32 in the byte order 3412";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
