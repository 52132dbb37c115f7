package org.callisto.planet.parse;

import java.util.Locale;
import java.util.Random;

/**
 * Seeded mutations of a feed document for differential tests: element names in odd case, stray ampersands, a cut
 * end, CDATA around text, doubled whitespace, a dropped end tag. Deterministic for a given {@link Random}.
 */
final class FeedMutations {
    private FeedMutations() {}

    static String mutate(String text, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> oddCase(text, random);
            case 1 -> insertAt(text, random, " & ");
            case 2 -> text.substring(0, text.length() / 2 + random.nextInt(Math.max(1, text.length() / 2)));
            case 3 -> text.replaceFirst("<title>([^<]*)</title>", "<title><![CDATA[$1]]></title>");
            case 4 -> text.replace("><", ">\n  <");
            default -> text.replaceFirst("</title>", "");
        };
    }

    private static String oddCase(String text, Random random) {
        String name = random.nextBoolean() ? "title" : "link";
        String odd = random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : "TiTlE".equals(name) ? name : "TiTlE";
        if (!odd.equalsIgnoreCase(name)) {
            odd = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
        return text.replace("<" + name + ">", "<" + odd + ">").replace("</" + name + ">", "</" + odd + ">");
    }

    private static String insertAt(String text, Random random, String what) {
        int at = text.indexOf("<item");
        if (at < 0) {
            at = text.indexOf("<entry");
        }
        at = at < 0 ? text.length() / 2 : at;
        int close = text.indexOf("</title>", at);
        return close < 0 ? text : text.substring(0, close) + what + text.substring(close);
    }
}
