package org.callisto.web.view;

/**
 * The form that asks for a password reset link by mail. Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the form's token
 * @param mailOn  whether the site sends mail; without it the page says reset is off
 * @param message why the last request was refused, or null
 * @param notice  the answer to a request, the same whether or not an account has the address; or null
 * @param email   the address typed last time, or ""
 */
public record ResetRequestPage(
        PageMeta meta, String csrf, boolean mailOn, String message, String notice, String email) {}
