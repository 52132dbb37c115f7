package org.callisto.planet.parse;

/**
 * A growable run of chars that {@link LenientXmlParser} resolves text and attribute values into, reused for the whole
 * document. Hand-written rather than a {@link StringBuilder} because the parser appends runs of its decoded
 * {@code char[]}: here that is one {@link System#arraycopy}, where a StringBuilder copies char by char, checking
 * each one against its compact Latin-1 coding, and stays UTF-16 once a single char needed it. Not thread-safe.
 */
final class TextBuffer {
    private char[] chars;
    private int length;

    TextBuffer(int capacity) {
        chars = new char[Math.max(16, capacity)];
    }

    /** Empties the buffer, keeping its room. */
    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    void append(char c) {
        if (length == chars.length) {
            grow(1);
        }
        chars[length++] = c;
    }

    /** Appends {@code source[start, end)}. */
    void append(char[] source, int start, int end) {
        int count = end - start;
        if (count <= 0) {
            return;
        }
        if (length + count > chars.length) {
            grow(count);
        }
        System.arraycopy(source, start, chars, length, count);
        length += count;
    }

    void append(String s) {
        int count = s.length();
        if (length + count > chars.length) {
            grow(count);
        }
        s.getChars(0, count, chars, length);
        length += count;
    }

    private void grow(int atLeast) {
        int capacity = Math.max(chars.length * 2, length + atLeast);
        chars = java.util.Arrays.copyOf(chars, capacity);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
