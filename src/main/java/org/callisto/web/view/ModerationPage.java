package org.callisto.web.view;

import java.util.List;

/**
 * The public moderation log, newest first. Immutable.
 *
 * @param meta    layout facts
 * @param entries the rows shown
 */
public record ModerationPage(PageMeta meta, List<Row> entries) {

    public ModerationPage {
        entries = List.copyOf(entries);
    }

    /**
     * One action as shown.
     *
     * @param moderator who took it
     * @param action    what, in words ("hid", "locked", ...)
     * @param target    what it was taken on, in words ("comment 12", "story 3", "account bob")
     * @param targetUrl where that is, or null
     * @param reason    why
     * @param iso       when, ISO 8601
     * @param human     when, for reading
     */
    public record Row(
            String moderator,
            String action,
            String target,
            String targetUrl,
            String reason,
            String iso,
            String human) {}
}
