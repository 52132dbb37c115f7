package org.callisto.journal;

import java.time.Instant;

/**
 * Something a member should hear of. Immutable.
 *
 * @param id         the notification's number
 * @param userId     the member it is for
 * @param kind       what happened
 * @param actorName  who did it (the replier, the mentioner, the deciding editor), or null when unknown
 * @param storyId    the story concerned, or null
 * @param storyTitle that story's title, or null
 * @param commentId  the comment concerned (the reply or the mention), or null
 * @param createdAt  when it happened
 * @param readAt     when the member marked it read, or null while unread
 */
public record Notification(
        long id,
        long userId,
        Kind kind,
        String actorName,
        Long storyId,
        String storyTitle,
        Long commentId,
        Instant createdAt,
        Instant readAt) {

    /** What a notification is about; {@link #key()} is what the database stores. */
    public enum Kind {
        REPLY("reply"),
        ACCEPTED("accepted"),
        REJECTED("rejected"),
        MENTION("mention");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown notification kind " + key);
        }
    }

    public boolean unread() {
        return readAt == null;
    }

    /** One line saying what happened, as plain text. */
    public String summary() {
        String who = actorName == null ? "someone" : actorName;
        String title = storyTitle == null ? "a story" : "“" + storyTitle + "”";
        return switch (kind) {
            case REPLY -> who + " replied on " + title;
            case MENTION -> who + " mentioned you on " + title;
            case ACCEPTED -> "your submission " + title + " was accepted";
            case REJECTED -> "your submission " + title + " was rejected";
        };
    }

    /** The page it points at: the comment when there is one, else the story. */
    public String path() {
        if (storyId == null) {
            return "/notifications";
        }
        return "/stories/" + storyId + (commentId == null ? "" : "#comment-" + commentId);
    }
}
