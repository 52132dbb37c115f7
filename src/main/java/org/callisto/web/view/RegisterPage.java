package org.callisto.web.view;

/**
 * The registration form. Immutable.
 *
 * @param meta       layout facts
 * @param csrf       the form's token
 * @param message    why the last attempt was refused, or null
 * @param username   the name typed last time, or ""
 * @param invitation the invitation code typed last time, or ""
 * @param policy     {@code open}, {@code invite} or {@code closed}
 * @param email      the mail address typed last time, or the one the invitation was mailed to, or ""
 * @param mailOn     whether the site sends mail
 */
public record RegisterPage(
        PageMeta meta,
        String csrf,
        String message,
        String username,
        String invitation,
        String policy,
        String email,
        boolean mailOn) {}
