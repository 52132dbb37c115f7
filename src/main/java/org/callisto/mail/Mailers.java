package org.callisto.mail;

import java.time.Clock;
import org.callisto.config.Config;

/** Makes the mailer a configuration asks for. Stateless and thread-safe. */
public final class Mailers {
    private Mailers() {}

    /** An {@link SmtpMailer} when {@code mail.host} is set, else {@link NoMail}. The caller closes it. */
    public static Mailer of(Config.MailConfig config, Clock clock) {
        return config.enabled() ? new SmtpMailer(config, clock) : new NoMail();
    }
}
