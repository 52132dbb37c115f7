package org.callisto.html;

import org.jsoup.nodes.Entities;

/**
 * Checks one {@code &} in a member's text or attribute value: it must start a complete character reference
 * ({@code &amp;}, {@code &#38;}, {@code &#x26;}) naming a character that can be shown. The names known are HTML's
 * (jsoup's table of them). Stateless and thread-safe.
 */
final class CharacterReferences {
    /** Longer names are not looked up as a prefix (the longest HTML name has 31 characters). */
    private static final int LONGEST_NAME = 32;

    private CharacterReferences() {}

    /**
     * Checks the reference starting at {@code amp} (which holds {@code &}), reading no further than {@code limit}.
     *
     * @return the offset after the reference, or after the {@code &} when it starts none
     */
    static int check(String s, int amp, int limit, Problems problems) {
        int k = amp + 1;
        if (k < limit && s.charAt(k) == '#') {
            return numeric(s, amp, limit, problems);
        }
        while (k < limit && CharClasses.isEntityNameChar(s.charAt(k))) {
            k++;
        }
        if (k == amp + 1) {
            bare(amp, problems);
            return amp + 1;
        }
        String name = s.substring(amp + 1, k);
        if (k < limit && s.charAt(k) == ';') {
            if (!Entities.isNamedEntity(name)) {
                problems.add(
                        amp,
                        k + 1,
                        "&" + name + "; at " + problems.place(amp)
                                + " is not a known character name; write &amp; for a plain &");
            }
            return k + 1;
        }
        String known = knownPrefix(name);
        if (known == null) {
            bare(amp, problems);
            return amp + 1;
        }
        problems.add(amp, amp + 1 + known.length(), "&" + known + " without ; at " + problems.place(amp));
        return amp + 1 + known.length();
    }

    private static void bare(int amp, Problems problems) {
        problems.add(amp, amp + 1, "a bare & at " + problems.place(amp) + "; write &amp;");
    }

    /** The longest start of {@code name} that is a known name, as a browser reads {@code &notit}; or null. */
    private static String knownPrefix(String name) {
        for (int len = Math.min(name.length(), LONGEST_NAME); len > 0; len--) {
            String prefix = name.substring(0, len);
            if (Entities.isNamedEntity(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private static int numeric(String s, int amp, int limit, Problems problems) {
        int k = amp + 2;
        boolean hex = k < limit && (s.charAt(k) == 'x' || s.charAt(k) == 'X');
        if (hex) {
            k++;
        }
        int digits = k;
        long value = 0;
        while (k < limit && (hex ? CharClasses.isAsciiHexDigit(s.charAt(k)) : CharClasses.isAsciiDigit(s.charAt(k)))) {
            if (value <= 0x10FFFF) {
                value = value * (hex ? 16 : 10) + Character.digit(s.charAt(k), 16);
            }
            k++;
        }
        if (k == digits) {
            bare(amp, problems);
            return amp + 1;
        }
        int end = k;
        if (k < limit && s.charAt(k) == ';') {
            end = k + 1;
        } else {
            problems.add(amp, k, s.substring(amp, k) + " without ; at " + problems.place(amp));
        }
        int c = value > 0x10FFFF ? -1 : (int) value;
        if (c == 0 || !CharClasses.isAllowedInText(c)) {
            problems.add(
                    amp,
                    end,
                    s.substring(amp, end) + " at " + problems.place(amp)
                            + " is not a character that can be shown; remove it");
        }
        return end;
    }
}
