package org.callisto.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helpers about the structure of sanitized output: the validator set up to check only that output is
 * balanced and uses allowed tags and attributes (the sanitizer adds {@code rel} to links, and output may be
 * longer and deeper than members' input is allowed to be), and the sequence of tags in a piece of HTML.
 */
final class Structure {
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)");

    private Structure() {}

    /** A validator for what the sanitizer produces under {@code policy}. */
    static FragmentValidator forOutputOf(FragmentPolicy policy) {
        return new FragmentValidator(policy.toBuilder()
                .allow("a", "rel")
                .maxLength(Integer.MAX_VALUE)
                .maxDepth(Integer.MAX_VALUE)
                .build());
    }

    /**
     * The structural problems of {@code html} (sanitizer output) under {@code policy}: tags, attributes, balance,
     * syntax. Problems with single characters are left out: the sanitizer keeps an invisible control character
     * from its input (as {@code &#x1;}), which a member's fragment may not contain but which changes no structure.
     */
    static List<ValidationError> structuralErrors(FragmentPolicy policy, String html) {
        return forOutputOf(policy).validate(html).errors().stream()
                .filter(e -> !e.message().contains("is not a character that can be shown")
                        && !e.message().contains("control character")
                        && !e.message().contains("broken character")
                        && !e.message().contains("not meant for text"))
                .toList();
    }

    /**
     * The tree a browser builds from {@code html}, as start and end tags in document order ({@code [p, b, /b, /p]});
     * void elements have no end tag.
     */
    static List<String> browserShape(String html) {
        List<String> shape = new ArrayList<>();
        org.jsoup.select.NodeTraversor.traverse(
                new org.jsoup.select.NodeVisitor() {
                    @Override
                    public void head(org.jsoup.nodes.Node node, int depth) {
                        if (node instanceof org.jsoup.nodes.Element e && depth > 0) {
                            shape.add(e.normalName());
                        }
                    }

                    @Override
                    public void tail(org.jsoup.nodes.Node node, int depth) {
                        if (node instanceof org.jsoup.nodes.Element e
                                && depth > 0
                                && !TagBalance.VOID.contains(e.normalName())) {
                            shape.add("/" + e.normalName());
                        }
                    }
                },
                org.jsoup.Jsoup.parseBodyFragment(html).body());
        return shape;
    }

    /** The tags as written in {@code html}, read by the validator's tokenizer; void elements have no end tag. */
    static List<String> writtenShape(String html) {
        List<String> shape = new ArrayList<>();
        new FragmentTokenizer(html, new Problems(html, Integer.MAX_VALUE), new FragmentTokenizer.Handler() {
                    @Override
                    public void startTag(FragmentTokenizer.StartTag tag) {
                        shape.add(tag.name());
                    }

                    @Override
                    public void endTag(FragmentTokenizer.EndTag tag) {
                        shape.add("/" + tag.name());
                    }
                })
                .run();
        return shape;
    }

    /** The start and end tags of well-formed {@code html} in order, such as {@code [b, /b]}. */
    static List<String> tags(String html) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.add((m.group().startsWith("</") ? "/" : "") + m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return tags;
    }
}
