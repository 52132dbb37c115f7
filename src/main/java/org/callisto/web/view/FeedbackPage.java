package org.callisto.web.view;

/**
 * The public feedback form ({@code /feedback}), or the thank-you page after a message was stored. Immutable.
 *
 * @param meta    layout facts
 * @param csrf    the form's token
 * @param sent    true for the thank-you page
 * @param message why the last attempt was refused, or null
 * @param name    the fields as last sent ("" when empty)
 * @param email   …
 * @param subject …
 * @param text    …
 */
public record FeedbackPage(
        PageMeta meta,
        String csrf,
        boolean sent,
        String message,
        String name,
        String email,
        String subject,
        String text) {}
