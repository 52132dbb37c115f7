package org.callisto.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored story. Immutable.
 *
 * @param id           the story's number, as in {@code /stories/{id}}
 * @param authorId     the account that submitted it
 * @param authorName   that account's name
 * @param title        plain text
 * @param dept         the "from the ... dept" line, plain text, or null
 * @param topics       the planet category names it was filed under
 * @param format       how the sources are written
 * @param introSource  the intro as the member wrote it
 * @param bodySource   the "read more" part as written, or null
 * @param introHtml    the intro, validated and sanitized
 * @param bodyHtml     the "read more" part, validated and sanitized, or null
 * @param sourceUrl    the link the story is about, or null
 * @param duplicateOf  an earlier story with the same link, when there was one at submission
 * @param status       where it stands
 * @param rejectReason why an editor rejected it, or null
 * @param submittedAt  when it was submitted
 * @param publishedAt  when an editor accepted it, or null
 * @param editorId     the editor who decided, or null
 */
public record Story(
        long id,
        long authorId,
        String authorName,
        String title,
        String dept,
        List<String> topics,
        StoryFormat format,
        String introSource,
        String bodySource,
        String introHtml,
        String bodyHtml,
        String sourceUrl,
        Optional<Long> duplicateOf,
        StoryStatus status,
        String rejectReason,
        Instant submittedAt,
        Instant publishedAt,
        Long editorId) {

    public Story {
        topics = List.copyOf(topics);
    }

    /** Whether there is a "read more" part. */
    public boolean hasBody() {
        return bodyHtml != null && !bodyHtml.isBlank();
    }
}
