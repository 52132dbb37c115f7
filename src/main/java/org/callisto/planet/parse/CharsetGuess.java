package org.callisto.planet.parse;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * The last resort of encoding detection, where feedparser asks chardet: a statistical guess from the bytes, by
 * juniversalchardet (a port of Mozilla's universal detector, which chardet also ports). Chosen over ICU4J's
 * {@code CharsetDetector} because on the miniflux encoding corpus it names KOI8-R, windows-1251 and a UTF-8 page
 * whose meta tag comes late correctly where ICU4J guessed ISO-8859-1, and it is 245 KB against 14 MB. Stateless and
 * thread-safe.
 */
final class CharsetGuess {
    /** Bytes looked at: enough for any detector's statistics, bounded so that a 15 MB feed costs no more. */
    static final int SAMPLE = 64 * 1024;

    private CharsetGuess() {}

    /**
     * The guessed encoding of {@code body[offset...]}, named as chardet names it in feedparser's results (lower-cased;
     * single-byte Western text without bytes 0x80-0x9F is {@code iso-8859-1}, as chardet says, not windows-1252),
     * or null when the detector has no guess.
     */
    static String guess(byte[] body, int offset) {
        int length = Math.min(body.length - offset, SAMPLE);
        if (length <= 0) {
            return null;
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, offset, length);
        detector.dataEnd();
        String name = CharsetNames.normalise(detector.getDetectedCharset());
        if ("windows-1252".equals(name) && !hasC1(body, offset, length)) {
            return "iso-8859-1";
        }
        return name;
    }

    private static boolean hasC1(byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x80 && c <= 0x9F) {
                return true;
            }
        }
        return false;
    }
}
