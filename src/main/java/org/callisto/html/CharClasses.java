package org.callisto.html;

/**
 * Every character test the fragment validator's tokenizer uses, in one place so that each can be checked over the
 * whole range of code points. The definitions follow the HTML standard's "Infra" terms (ASCII upper alpha, ASCII
 * whitespace, control, noncharacter); where the validator is stricter than a browser (names of tags), that is
 * said on the method.
 *
 * <p>All methods take a code point (any {@code int}; values outside 0..0x10FFFF are simply not in any class) and
 * are pure functions: stateless and thread-safe.
 */
final class CharClasses {
    private CharClasses() {}

    /** {@code A} to {@code Z}. */
    static boolean isAsciiUpper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    /** {@code a} to {@code z}. */
    static boolean isAsciiLower(int c) {
        return c >= 'a' && c <= 'z';
    }

    /** An ASCII letter of either case. */
    static boolean isAsciiAlpha(int c) {
        return isAsciiUpper(c) || isAsciiLower(c);
    }

    /** {@code 0} to {@code 9}. */
    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** An ASCII letter or digit. */
    static boolean isAsciiAlphanumeric(int c) {
        return isAsciiAlpha(c) || isAsciiDigit(c);
    }

    /** A hexadecimal digit: {@code 0-9}, {@code a-f}, {@code A-F}. */
    static boolean isAsciiHexDigit(int c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** HTML's ASCII whitespace: tab, line feed, form feed, carriage return and space. */
    static boolean isWhitespace(int c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    /** A control character: C0 (U+0000 to U+001F), DELETE (U+007F) or C1 (U+0080 to U+009F). */
    static boolean isControl(int c) {
        return (c >= 0 && c <= 0x1F) || (c >= 0x7F && c <= 0x9F);
    }

    /** A UTF-16 surrogate code point (U+D800 to U+DFFF); in a Java string, one that is not part of a pair. */
    static boolean isSurrogate(int c) {
        return c >= 0xD800 && c <= 0xDFFF;
    }

    /** One of the 66 noncharacters: U+FDD0 to U+FDEF, and the last two code points of each of the 17 planes. */
    static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c >= 0 && c <= 0x10FFFF && (c & 0xFFFE) == 0xFFFE);
    }

    /** A code point: 0 to 0x10FFFF. */
    static boolean isCodePoint(int c) {
        return c >= 0 && c <= 0x10FFFF;
    }

    /**
     * Whether a character may appear in a member's text: any code point except controls other than whitespace,
     * surrogates and noncharacters (the HTML standard makes those parse errors; they are invisible or broken).
     */
    static boolean isAllowedInText(int c) {
        return isCodePoint(c) && (isWhitespace(c) || !isControl(c)) && !isSurrogate(c) && !isNoncharacter(c);
    }

    /** The first character of a tag name: an ASCII letter (after {@code <} anything else is text to a browser). */
    static boolean isNameStart(int c) {
        return isAsciiAlpha(c);
    }

    /**
     * A character of a tag name after the first: an ASCII letter, digit or hyphen. Stricter than a browser, which
     * takes anything up to whitespace, {@code /} or {@code >}; no allowed tag needs more.
     */
    static boolean isNameChar(int c) {
        return isAsciiAlphanumeric(c) || c == '-';
    }

    /**
     * A character of an attribute name: anything but whitespace, controls, surrogates, noncharacters and the
     * characters {@code " ' < > / =} (those end or break the name in a browser).
     */
    static boolean isAttrNameChar(int c) {
        return isAllowedInText(c)
                && !isWhitespace(c)
                && c != '"'
                && c != '\''
                && c != '<'
                && c != '>'
                && c != '/'
                && c != '=';
    }

    /**
     * A character of an attribute value written without quotes: anything allowed in text except whitespace and
     * the characters {@code " ' < = > `} (the standard makes those parse errors in unquoted values).
     */
    static boolean isUnquotedValueChar(int c) {
        return isAllowedInText(c)
                && !isWhitespace(c)
                && c != '"'
                && c != '\''
                && c != '<'
                && c != '='
                && c != '>'
                && c != '`';
    }

    /** A character of a character reference's name, such as {@code nbsp} in {@code &nbsp;}: ASCII alphanumeric. */
    static boolean isEntityNameChar(int c) {
        return isAsciiAlphanumeric(c);
    }
}
