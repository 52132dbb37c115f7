package org.callisto.mail;

/**
 * The {@link Mailer} of a site without {@code mail.host}: sends nothing and says so. Stateless and thread-safe.
 */
public final class NoMail implements Mailer {
    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public boolean send(MailMessage message) {
        return false;
    }

    @Override
    public void close() {}
}
