package org.callisto.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems found in one fragment as source ranges and messages, and turns them into
 * {@link ValidationError}s in source order. After {@code max} problems one last entry says that checking stopped,
 * and {@link #full()} tells the tokenizer to stop: a fragment of a megabyte of {@code <} gives a short answer.
 * One instance serves one validation: not thread-safe.
 */
final class Problems {
    /** The longest excerpt kept; longer ones are cut and end in an ellipsis. */
    static final int MAX_EXCERPT = 80;

    private record Found(int start, int end, String message) {}

    private final String source;
    private final SourceLines lines;
    private final int max;
    private final List<Found> found = new ArrayList<>();
    private boolean full;

    Problems(String source, int max) {
        this.source = source;
        this.lines = new SourceLines(source);
        this.max = max;
    }

    /** Records the problem at source range {@code [start, end)} (the excerpt); ignored once full. */
    void add(int start, int end, String message) {
        if (full) {
            return;
        }
        if (found.size() == max) {
            found.add(new Found(start, start, "there are more than " + max + " problems; fix these first"));
            full = true;
            return;
        }
        found.add(new Found(start, Math.max(start, Math.min(end, source.length())), message));
    }

    /** Whether the limit of problems was reached, so checking should stop. */
    boolean full() {
        return full;
    }

    /** Whether no problem was recorded. */
    boolean isEmpty() {
        return found.isEmpty();
    }

    /** {@code line:column} of {@code offset}, for messages. */
    String place(int offset) {
        return lines.place(offset);
    }

    /** The source text of {@code [start, end)}, cut to {@link #MAX_EXCERPT} characters. */
    String excerpt(int start, int end) {
        if (end - start <= MAX_EXCERPT) {
            return source.substring(start, end);
        }
        int cut = start + MAX_EXCERPT - 1;
        if (Character.isHighSurrogate(source.charAt(cut - 1))) {
            cut--;
        }
        return source.substring(start, cut) + "…";
    }

    /** The problems as errors, sorted by place (problems at the same place keep the order they were found). */
    List<ValidationError> errors() {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::start));
        List<ValidationError> errors = new ArrayList<>(sorted.size());
        for (Found f : sorted) {
            errors.add(new ValidationError(
                    lines.line(f.start()), lines.column(f.start()), excerpt(f.start(), f.end()), f.message()));
        }
        return errors;
    }
}
