package org.callisto.web.view;

/**
 * The login form. Immutable.
 *
 * @param meta     layout facts
 * @param csrf     the form's token
 * @param message  why the last attempt was refused, or null
 * @param notice   a note such as "your account was made", or null
 * @param username the name typed last time, or ""
 * @param next     the local page to go to after login
 */
public record LoginPage(PageMeta meta, String csrf, String message, String notice, String username, String next) {}
