package org.callisto.mail;

import java.net.URI;

/**
 * One plain-text mail to one address, checked when made: the address is one mailbox, the subject one line, the
 * unsubscribe address (for notification mail; null otherwise) an absolute http(s) URL. Header injection is
 * impossible: no field may carry a line break into a header. Immutable.
 *
 * @param to             the recipient
 * @param subject        the subject, one line
 * @param text           the body
 * @param unsubscribeUrl where a one-click unsubscribe is POSTed, or null for mail that is not a notification
 */
public record MailMessage(String to, String subject, String text, URI unsubscribeUrl) {
    /** Longest subject accepted. */
    static final int MAX_SUBJECT = 200;

    public MailMessage {
        to = MailAddress.check(to);
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT || hasBreak(subject)) {
            throw new IllegalArgumentException("mail subject '" + subject + "' is empty, longer than " + MAX_SUBJECT
                    + " characters or has a line break; give one short line");
        }
        text = text == null ? "" : text;
        if (unsubscribeUrl != null) {
            String scheme = unsubscribeUrl.getScheme();
            if (!unsubscribeUrl.isAbsolute()
                    || !("https".equals(scheme) || "http".equals(scheme))
                    || hasBreak(unsubscribeUrl.toString())
                    || unsubscribeUrl.toString().contains(">")) {
                throw new IllegalArgumentException("unsubscribe address " + unsubscribeUrl
                        + " is not an absolute http(s) URL; build it from site.url");
            }
        }
    }

    private static boolean hasBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }

    @Override
    public String toString() { // addresses are personal; logs get the domain only
        return "MailMessage[to=*@" + MailAddress.domain(to) + ", subject=" + subject + "]";
    }
}
