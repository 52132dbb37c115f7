package org.callisto.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every character class, checked for every code point from U+0000 to U+10FFFF (and a few values outside) against
 * a definition written differently: a regular expression, Unicode's general categories or the spec's list. A
 * slip such as {@code c >= 'A' && c <= 'A'} fails here with the first wrong code point named.
 */
class CharClassesTest {
    private static final int LAST = 0x10FFFF;
    private static final Set<Integer> NONCHARACTERS = noncharacters();

    /** The 66 noncharacters, listed as the Unicode standard lists them. */
    private static Set<Integer> noncharacters() {
        Set<Integer> set = new HashSet<>();
        for (int c = 0xFDD0; c <= 0xFDEF; c++) {
            set.add(c);
        }
        for (int plane = 0; plane <= 16; plane++) {
            set.add(plane * 0x10000 + 0xFFFE);
            set.add(plane * 0x10000 + 0xFFFF);
        }
        return set;
    }

    private static IntPredicate regex(String pattern) {
        Pattern p = Pattern.compile(pattern);
        return c -> p.matcher(Character.toString(c)).matches();
    }

    private static boolean surrogate(int c) {
        return Character.getType(c) == Character.SURROGATE;
    }

    private static boolean control(int c) {
        return Character.getType(c) == Character.CONTROL; // Unicode Cc: exactly C0, DEL and C1
    }

    private static boolean allowedInText(int c) {
        return !surrogate(c) && !NONCHARACTERS.contains(c) && (!control(c) || "\t\n\f\r ".indexOf(c) >= 0);
    }

    private static void assertSame(String name, IntPredicate actual, IntPredicate expected) {
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c <= LAST && wrong.size() < 10; c++) {
            if (actual.test(c) != expected.test(c)) {
                wrong.add(String.format("U+%04X (%s, expected %s)", c, actual.test(c), expected.test(c)));
            }
        }
        for (int c : new int[] {-1, Integer.MIN_VALUE, LAST + 1, Integer.MAX_VALUE}) {
            if (actual.test(c)) {
                wrong.add(c + " is not a code point but is in the class");
            }
        }
        assertThat(wrong).as(name).isEmpty();
    }

    @Test
    void asciiUpper() {
        assertSame("isAsciiUpper", CharClasses::isAsciiUpper, regex("[A-Z]"));
    }

    @Test
    void asciiLower() {
        assertSame("isAsciiLower", CharClasses::isAsciiLower, regex("[a-z]"));
    }

    @Test
    void asciiAlpha() {
        assertSame("isAsciiAlpha", CharClasses::isAsciiAlpha, regex("[A-Za-z]"));
    }

    @Test
    void asciiDigit() {
        assertSame("isAsciiDigit", CharClasses::isAsciiDigit, regex("[0-9]"));
    }

    @Test
    void asciiAlphanumeric() {
        assertSame("isAsciiAlphanumeric", CharClasses::isAsciiAlphanumeric, regex("[0-9A-Za-z]"));
    }

    @Test
    void asciiHexDigit() {
        assertSame("isAsciiHexDigit", CharClasses::isAsciiHexDigit, regex("[0-9A-Fa-f]"));
    }

    @Test
    void whitespace() {
        assertSame("isWhitespace", CharClasses::isWhitespace, regex("[\\t\\n\\f\\r ]"));
    }

    @Test
    void control() {
        assertSame("isControl", CharClasses::isControl, CharClassesTest::control);
        assertSame("isControl by regex", CharClasses::isControl, regex("\\p{Cc}"));
    }

    @Test
    void surrogate() {
        assertSame("isSurrogate", CharClasses::isSurrogate, CharClassesTest::surrogate);
    }

    @Test
    void noncharacter() {
        assertSame("isNoncharacter", CharClasses::isNoncharacter, NONCHARACTERS::contains);
        assertThat(NONCHARACTERS).hasSize(66);
    }

    @Test
    void codePoint() {
        assertSame("isCodePoint", CharClasses::isCodePoint, Character::isValidCodePoint);
    }

    @Test
    void allowedInText() {
        assertSame("isAllowedInText", CharClasses::isAllowedInText, CharClassesTest::allowedInText);
    }

    @Test
    void nameStart() {
        assertSame("isNameStart", CharClasses::isNameStart, regex("[a-zA-Z]"));
    }

    @Test
    void nameChar() {
        assertSame("isNameChar", CharClasses::isNameChar, regex("[-a-zA-Z0-9]"));
    }

    @Test
    void attrNameChar() {
        IntPredicate bySpec = regex("[^\\t\\n\\f\\r \"'<>/=]");
        assertSame("isAttrNameChar", CharClasses::isAttrNameChar, c -> allowedInText(c) && bySpec.test(c));
    }

    @Test
    void unquotedValueChar() {
        IntPredicate bySpec = regex("[^\\t\\n\\f\\r \"'<=>`]");
        assertSame("isUnquotedValueChar", CharClasses::isUnquotedValueChar, c -> allowedInText(c) && bySpec.test(c));
    }

    @Test
    void entityNameChar() {
        assertSame("isEntityNameChar", CharClasses::isEntityNameChar, regex("\\p{Alnum}"));
    }

    @Test
    void theComparisonCatchesARangeOfOne() {
        // The classic slip: an upper bound copied from the lower one. The exhaustive comparison must notice.
        IntPredicate slip = c -> c >= 'A' && c <= 'A';
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSame("slip", slip, regex("[A-Z]")))
                .hasMessageContaining("U+0042");
    }
}
