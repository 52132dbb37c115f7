package org.callisto.syndication;

/** Text made safe for XML 1.0: characters the specification does not allow are dropped. Stateless. */
public final class XmlText {
    private XmlText() {}

    /** Returns {@code s} without the characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        int i = 0;
        while (i < n && allowed(s, i)) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i >= n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            if (allowed(s, i)) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static boolean allowed(String s, int i) {
        int cp = s.codePointAt(i);
        if (cp == 0x9 || cp == 0xA || cp == 0xD) {
            return true;
        }
        if (cp < 0x20) {
            return false;
        }
        if (cp <= 0xD7FF) {
            return true;
        }
        if (cp >= 0xE000 && cp <= 0xFFFD) {
            return true;
        }
        return cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
