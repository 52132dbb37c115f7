package org.callisto.journal;

import java.util.List;

/**
 * A story as the submission form sent it, unchecked: any field may be null or blank. Immutable.
 *
 * @param title     the headline
 * @param dept      the "from the ... dept" words, optional
 * @param topics    category names chosen from the planet's
 * @param format    {@code html}, {@code text} or {@code markdown}
 * @param intro     the intro, in that format
 * @param body      the "read more" part, optional
 * @param sourceUrl the link the story is about, optional
 * @param tags      the tags as typed, separated by spaces or commas, optional (see {@link Tags})
 */
public record Draft(
        String title,
        String dept,
        List<String> topics,
        String format,
        String intro,
        String body,
        String sourceUrl,
        String tags) {

    /** A draft without tags. */
    public Draft(
            String title,
            String dept,
            List<String> topics,
            String format,
            String intro,
            String body,
            String sourceUrl) {
        this(title, dept, topics, format, intro, body, sourceUrl, "");
    }

    public Draft {
        topics = topics == null
                ? List.of()
                : topics.stream().filter(t -> t != null && !t.isBlank()).toList();
    }
}
