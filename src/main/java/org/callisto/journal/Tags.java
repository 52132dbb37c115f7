package org.callisto.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a tag may be: 1 to {@link #MAX_LENGTH} lower-case ASCII letters, digits and inner hyphens, such as
 * {@code rust} or {@code release-notes}; a story has at most {@link #MAX_PER_STORY}. Typed tags are separated by
 * spaces or commas and lower-cased. Stateless.
 */
public final class Tags {
    public static final int MAX_LENGTH = 30;
    public static final int MAX_PER_STORY = 5;
    /** Tags a member may hide. */
    public static final int MAX_HIDDEN = 50;

    private Tags() {}

    /**
     * The tags in {@code typed}, checked, lower-cased, without repeats, in the order typed.
     *
     * @param max the most tags accepted
     * @throws JournalRefusal naming the first tag that is not allowed, or saying there are too many
     */
    public static List<String> parse(String typed, int max) {
        List<String> out = new ArrayList<>();
        if (typed == null) {
            return out;
        }
        for (String raw : typed.split("[\\s,]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String tag = raw.toLowerCase(Locale.ROOT);
            if (!valid(tag)) {
                String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
                throw new JournalRefusal("the tag '" + shown + "' is not allowed; use up to " + MAX_LENGTH
                        + " letters a-z, digits and hyphens, such as release-notes");
            }
            if (!out.contains(tag)) {
                out.add(tag);
            }
        }
        if (out.size() > max) {
            throw new JournalRefusal(
                    "there are " + out.size() + " tags; give at most " + max + ", separated by spaces");
        }
        return out;
    }

    /** Whether {@code tag} is a tag as stored (already lower case). */
    public static boolean valid(String tag) {
        return tag != null && tag.length() <= MAX_LENGTH && tag.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
