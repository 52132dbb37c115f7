package org.callisto.show;

import java.util.Objects;

/**
 * A listener's message kept as a file in a show's archive, to import into the feedback queue as answered in its
 * episode and public (the archive published it). Immutable.
 *
 * @param key     the file's path in the archive, e.g. {@code 350/feedback/Greg - Lenovos.md}: what identifies it
 *                when importing again
 * @param name    the sender, or null
 * @param subject one line
 * @param message plain text
 * @param episode the number of the episode that answered it
 */
public record ArchivedFeedback(String key, String name, String subject, String message, int episode) {

    public ArchivedFeedback {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }
}
