package org.callisto.web.view;

/**
 * The form that changes a logged-in member's password. Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the form's token
 * @param message why the last attempt was refused, or null
 * @param notice  a note such as "your password was changed", or null
 */
public record PasswordPage(PageMeta meta, String csrf, String message, String notice) {}
