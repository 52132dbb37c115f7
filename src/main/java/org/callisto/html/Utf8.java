package org.callisto.html;

/**
 * The UTF-8 length of text without encoding it. Hand-written because the JDK offers only encoding the text to count
 * its bytes, and no library on the class path exports this (Guava's {@code Utf8.encodedLength} is not a
 * dependency). Stateless and thread-safe.
 */
public final class Utf8 {
    private Utf8() {}

    /** The UTF-8 length of {@code text}; an unpaired surrogate counts as the three bytes of its replacement. */
    public static long length(CharSequence text) {
        return length(text, 0, text.length());
    }

    /** The UTF-8 length of {@code text} from {@code from} (inclusive) to {@code to} (exclusive). */
    public static long length(CharSequence text, int from, int to) {
        long n = to - from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    n += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                    n += 2; // four bytes for the two chars of the pair
                    i++;
                } else {
                    n += 2;
                }
            }
        }
        return n;
    }
}
