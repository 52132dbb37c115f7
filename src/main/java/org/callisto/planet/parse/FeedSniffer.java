package org.callisto.planet.parse;

/** Cheap checks on raw bytes and decoded text that tell what an input is before parsing it. Thread-safe. */
final class FeedSniffer {
    private FeedSniffer() {}

    /** A description such as "a PNG image" when the bytes start with a known binary signature, else null. */
    static String binaryKind(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length > 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return "a WebP image";
        }
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return "a ZIP archive";
        }
        if (starts(b, 0x1F, 0x8B)) {
            return "gzip-compressed data (was Content-Encoding ignored?)";
        }
        if (starts(b, 'I', 'D', '3') || starts(b, 0xFF, 0xFB)) {
            return "an MP3 audio file";
        }
        if (b.length > 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "an MP4/M4A media file";
        }
        return controlDensityKind(b);
    }

    /**
     * "binary data" when the first {@value #SAMPLE} bytes look like no text: they hold a zero byte and either do not
     * start with markup or JSON, or more than one in {@value #MAX_CONTROL_SHARE} of them are C0 controls (other than
     * tab, line feed, form feed and carriage return). A feed with a stray NUL or two starts with {@code <} or
     * {@code {} and is text; its controls are dropped later ({@link ControlCharacters}). UTF-16 text without a BOM
     * has up to half zero bytes in a regular pattern, and starts with a zero byte or has one second, so it is left to
     * the decoder.
     */
    private static String controlDensityKind(byte[] b) {
        if (b.length > 1 && (b[0] == 0 || b[1] == 0 || (b[0] & 0xFF) >= 0xFE)) {
            return null; // UTF-16 or UTF-32, with or without a byte-order mark
        }
        int n = Math.min(b.length, SAMPLE);
        int controls = 0;
        int zeros = 0;
        int firstText = -1;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            if (control) {
                controls++;
                if (c == 0) {
                    zeros++;
                }
            } else if (firstText < 0
                    && c != ' '
                    && c != '\t'
                    && c != '\n'
                    && c != '\r'
                    && c != '\f'
                    && c != 0xEF
                    && c != 0xBB
                    && c != 0xBF) {
                firstText = c;
            }
        }
        if (zeros == 0) {
            return null;
        }
        boolean markup = firstText == '<' || firstText == '{';
        return markup && controls * MAX_CONTROL_SHARE <= n ? null : "binary data";
    }

    /** Bytes looked at for control characters. */
    static final int SAMPLE = 512;
    /** More than one control byte in this many, in the sample, is binary even when it starts like markup. */
    static final int MAX_CONTROL_SHARE = 16;

    private static boolean starts(byte[] b, int... sig) {
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((b[i] & 0xFF) != (sig[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first character that is not whitespace or a BOM, or -1. */
    static int firstSignificant(char[] text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\uFEFF' && c != 0) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(char[] text, int length, char c) {
        for (int i = 0; i < length; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
