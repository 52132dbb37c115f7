package org.callisto.web.view;

/**
 * The logged-in person a page is made for, as the site header shows them. Immutable.
 *
 * @param username    their name
 * @param editor      whether they may use the editor queue
 * @param logoutToken the CSRF token of the header's logout form
 * @param admin       whether they may use the admin pages
 * @param unread      how many of their notifications are unread
 */
public record Viewer(String username, boolean editor, String logoutToken, boolean admin, int unread) {

    /** A viewer who is not an administrator. */
    public Viewer(String username, boolean editor, String logoutToken) {
        this(username, editor, logoutToken, false, 0);
    }

    /** A viewer without unread notifications. */
    public Viewer(String username, boolean editor, String logoutToken, boolean admin) {
        this(username, editor, logoutToken, admin, 0);
    }
}
