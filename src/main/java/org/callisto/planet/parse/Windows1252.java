package org.callisto.planet.parse;

/**
 * Maps the C1 range (0x80-0x9F) to the characters windows-1252 puts there, as browsers do for character references
 * such as {@code &#150;} and for bytes mislabelled ISO-8859-1. Stateless and thread-safe.
 */
final class Windows1252 {
    private static final char[] C1 = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    private Windows1252() {}

    /** The windows-1252 character for a code point in 0x80-0x9F; other code points are returned unchanged. */
    static int map(int cp) {
        return cp >= 0x80 && cp <= 0x9F ? C1[cp - 0x80] : cp;
    }
}
