package org.callisto.web;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a page is rendered: its UTF-8 bytes in one growing array.
 *
 * <p>Written here because jte has no contiguous byte output: its {@code Utf8ByteOutput} keeps every piece (each
 * static part, each value, and each stretch between two characters its escaping replaced) as an array of its own in
 * a list, and gathers them at the end. A story page with 200 comments seen by a member is tens of thousands of
 * pieces; growing that list and gathering it took about a fifth of a logged-in request's CPU time. Here the static
 * parts are copied in, and text that is all ASCII (nearly all of a page) is written byte by byte without an
 * intermediate array; other text is encoded exactly as {@link String#getBytes} encodes it, so the bytes are the ones
 * {@code Utf8ByteOutput} gives.
 *
 * <p>Not thread-safe: one per rendering.
 */
final class PageBytes implements TemplateOutput {
    private byte[] bytes;
    private int length;

    /** @param expected the size the page will probably have; the array grows past it when needed */
    PageBytes(int expected) {
        bytes = new byte[Math.max(1024, expected)];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        int n = endIndex - beginIndex;
        room(n);
        byte[] b = bytes;
        int at = length;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = at;
                // the characters before i are ASCII, so i starts a character of its own (never half of a pair)
                writeBinaryContent(value.substring(i, endIndex).getBytes(StandardCharsets.UTF_8));
                return;
            }
            b[at++] = (byte) c;
        }
        length = at;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    /** How many bytes were written. */
    int length() {
        return length;
    }

    /** The page's bytes, in an array of their own. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
