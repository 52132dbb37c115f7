package org.callisto.show;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a listener sent through the feedback form, as stored. Immutable.
 *
 * <p>The email address is for the editors' reply only: no public page, feed or show note carries it.
 *
 * @param id            database id
 * @param name          the name the listener gave, or null
 * @param email         the address the listener gave for a reply, or null; never shown publicly
 * @param subject       one line
 * @param message       the message as typed, plain text
 * @param status        new, answered or archived
 * @param receivedAt    when it arrived
 * @param usedInEpisode the number of the episode whose notes took it up, or null
 */
public record Feedback(
        long id,
        String name,
        String email,
        String subject,
        String message,
        FeedbackStatus status,
        Instant receivedAt,
        Integer usedInEpisode) {

    public Feedback {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The name to credit in show notes: the given name, or "A listener". */
    public String from() {
        return name == null || name.isBlank() ? "A listener" : name;
    }
}
