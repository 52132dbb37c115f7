package org.callisto.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that every element a member opens is closed, in the right order, and not nested too deep. Each element
 * is tracked on its own (the old journal counted all tags with one counter, so {@code <b></i>} passed). Void
 * elements such as {@code br} and {@code img} need no end tag. The validator asks for an explicit end tag on
 * every other element, {@code p} and {@code li} included, where HTML would sometimes close them implicitly: what
 * the member wrote is then what a browser shows.
 *
 * <p>Balanced markup can still be read by a browser as something else: a list inside a paragraph closes the
 * paragraph. Those cases ({@link ContentRules}) are reported on the start tag, once per enclosing element.
 *
 * <p>A misnested end tag ({@code </b>} in {@code <b><i></b></i>}) is reported once, and the element it names is
 * taken as closed so that the following {@code </i>} is not reported again. One instance serves one fragment:
 * not thread-safe.
 */
final class TagBalance {
    /** HTML's void elements: they have no content and no end tag. */
    static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

    /** An element opened at source range {@code [start, end)} and not closed yet. */
    record OpenElement(String name, int start, int end) {}

    private final Problems problems;
    private final int maxDepth;
    private final List<OpenElement> open = new ArrayList<>();
    private final Set<Integer> reportedConflicts = new HashSet<>();
    private boolean depthReported;

    TagBalance(Problems problems, int maxDepth) {
        this.problems = problems;
        this.maxDepth = maxDepth;
    }

    void start(FragmentTokenizer.StartTag tag) {
        String name = tag.name();
        if (VOID.contains(name)) {
            return;
        }
        if (tag.selfClosing()) {
            problems.add(
                    tag.start(),
                    tag.end(),
                    "<" + name + "/> at " + problems.place(tag.start()) + " does not close itself in HTML; write <"
                            + name + "></" + name + ">");
            return;
        }
        if (open.size() >= maxDepth && !depthReported) {
            depthReported = true;
            problems.add(
                    tag.start(),
                    tag.end(),
                    "<" + name + "> at " + problems.place(tag.start()) + " is nested more than " + maxDepth
                            + " elements deep, the limit");
        }
        OpenElement conflict = ContentRules.conflict(name, open);
        if (conflict != null && reportedConflicts.add(conflict.start())) {
            String hint = name.equals("a") && conflict.name().equals("a")
                    ? "a link cannot contain another link"
                    : "write </" + conflict.name() + "> before it";
            problems.add(
                    tag.start(),
                    tag.end(),
                    "<" + name + "> at " + problems.place(tag.start())
                            + " cannot be inside the <" + conflict.name() + "> opened at "
                            + problems.place(conflict.start())
                            + "; " + hint);
        }
        open.add(new OpenElement(name, tag.start(), tag.end()));
    }

    void end(FragmentTokenizer.EndTag tag) {
        String name = tag.name();
        if (VOID.contains(name)) {
            problems.add(
                    tag.start(),
                    tag.end(),
                    "</" + name + "> at " + problems.place(tag.start()) + " closes nothing; <" + name
                            + "> needs no closing tag");
            return;
        }
        int at = open.size() - 1;
        while (at >= 0 && !open.get(at).name().equals(name)) {
            at--;
        }
        if (at < 0) {
            problems.add(
                    tag.start(), tag.end(), "</" + name + "> at " + problems.place(tag.start()) + " closes nothing");
            return;
        }
        if (at < open.size() - 1) {
            OpenElement inner = open.get(open.size() - 1);
            problems.add(
                    tag.start(),
                    tag.end(),
                    "the <" + inner.name() + "> opened at "
                            + problems.place(inner.start()) + " must be closed before </" + name + "> at "
                            + problems.place(tag.start()));
        }
        open.remove(at);
    }

    /** Reports every element still open at the end of the fragment. */
    void finish() {
        for (OpenElement o : open) {
            problems.add(
                    o.start(),
                    o.end(),
                    "the <" + o.name() + "> opened at " + problems.place(o.start()) + " is never closed");
        }
    }
}
