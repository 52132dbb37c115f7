package org.callisto.journal;

import java.time.Instant;

/**
 * One row of the public moderation log. Immutable.
 *
 * @param id            the row's number
 * @param at            when the action was taken
 * @param moderatorId   who took it
 * @param moderatorName that account's name
 * @param action        {@code hide}, {@code lock}, {@code unlock} or {@code ban}
 * @param targetKind    {@code comment}, {@code story} or {@code user}
 * @param targetId      the comment's, story's or account's number
 * @param targetStoryId for a comment, the story it is under; for a story, the story; else null
 * @param targetName    for an account, its name; else null
 * @param reason        why, as the moderator wrote it
 */
public record ModerationEntry(
        long id,
        Instant at,
        long moderatorId,
        String moderatorName,
        String action,
        String targetKind,
        long targetId,
        Long targetStoryId,
        String targetName,
        String reason) {}
