package org.callisto.html;

/** Placeholder until the sanitizer lands. */
public final class HtmlText {
    public static String toPlainText(String html) {
        return org.jsoup.Jsoup.parse(html).text();
    }
}
