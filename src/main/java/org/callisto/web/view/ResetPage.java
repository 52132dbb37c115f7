package org.callisto.web.view;

/**
 * The form, opened from a mailed link, that sets a new password. Immutable.
 *
 * @param meta     layout facts
 * @param csrf     the form's token
 * @param action   where the form posts (the link's own path)
 * @param username the account whose password is set
 * @param message  why the last attempt was refused, or null
 */
public record ResetPage(PageMeta meta, String csrf, String action, String username, String message) {}
