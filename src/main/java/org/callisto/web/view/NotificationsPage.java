package org.callisto.web.view;

import java.util.List;

/**
 * A member's notifications, newest first. Immutable.
 *
 * @param csrf the token of the "mark read" forms
 */
public record NotificationsPage(PageMeta meta, String csrf, List<Row> rows) {
    public NotificationsPage {
        rows = List.copyOf(rows);
    }

    /** Whether any is unread. */
    public boolean anyUnread() {
        return rows.stream().anyMatch(Row::unread);
    }

    /** One notification: what happened, where, when, and whether it is unread. */
    public record Row(long id, String summary, String url, String iso, String human, boolean unread) {}
}
