package org.callisto.mail;

import java.net.URI;

/**
 * Where the program sends mail: plain-text messages to one address each, queued and sent off the caller's thread,
 * so that a page never waits for an SMTP server. A full queue or a server that refuses the mail costs the caller
 * nothing but a {@code false} or a log line; mail is never required for a request to succeed.
 *
 * <p>Notification mail (replies, mentions, decisions) passes an unsubscribe address: the message then carries the
 * RFC 2369 {@code List-Unsubscribe} header with it and the RFC 8058 {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} header, so mail programs can offer one-click unsubscribing, and
 * {@code Auto-Submitted: auto-generated}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Mailer extends AutoCloseable {

    /** Whether mail is configured; when not, {@link #send} does nothing and returns false. */
    boolean enabled();

    /**
     * Queues a plain-text mail.
     *
     * @param to        one address, as a member gave it
     * @param subject   one line
     * @param plainText the body, lines separated by {@code \n}
     * @return whether the mail was queued: false when mail is off or the queue is full
     * @throws IllegalArgumentException when the address or the subject is malformed
     */
    default boolean send(String to, String subject, String plainText) {
        return send(new MailMessage(to, subject, plainText, null));
    }

    /**
     * Queues a notification mail with one-click unsubscribing (RFC 8058) at {@code unsubscribeUrl}, an {@code https}
     * (or, for a site without TLS, {@code http}) address that answers a POST of {@code List-Unsubscribe=One-Click}.
     *
     * @return whether the mail was queued: false when mail is off or the queue is full
     * @throws IllegalArgumentException when the address, the subject or the URL is malformed
     */
    default boolean send(String to, String subject, String plainText, URI unsubscribeUrl) {
        if (unsubscribeUrl == null) {
            throw new IllegalArgumentException("unsubscribeUrl is null; notification mail needs its unsubscribe"
                    + " address (use send(to, subject, plainText) for other mail)");
        }
        return send(new MailMessage(to, subject, plainText, unsubscribeUrl));
    }

    /** Queues a checked message; see {@link #send(String, String, String)}. */
    boolean send(MailMessage message);

    /** Sends what is queued (waiting a bounded time) and stops; later mails are not sent. */
    @Override
    void close();
}
