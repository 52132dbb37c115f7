package org.callisto.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * Mail addresses as members type them: one bare mailbox ({@code name@example.org}), checked with Jakarta Mail's
 * RFC 822 parser in strict mode rather than a hand-made pattern. Stateless and thread-safe.
 */
public final class MailAddress {
    /** Longest address accepted (RFC 5321's path limit). */
    public static final int MAX_LENGTH = 254;

    private MailAddress() {}

    /**
     * The address, stripped, if it is one bare mailbox with a domain.
     *
     * @throws IllegalArgumentException naming the address and what to write instead
     */
    public static String check(String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("the mail address is empty; write one such as name@example.org");
        }
        if (a.length() > MAX_LENGTH || a.chars().anyMatch(c -> c < 33 || c == 127)) {
            throw new IllegalArgumentException("'" + shorten(a) + "' is not a mail address: it is too long or has"
                    + " spaces or control characters; write one such as name@example.org");
        }
        try {
            InternetAddress parsed = new InternetAddress(a, true);
            parsed.validate();
            String bare = parsed.getAddress();
            int at = bare.lastIndexOf('@');
            if (!bare.equals(a)
                    || at < 1
                    || at == bare.length() - 1
                    || !bare.substring(at + 1).contains(".")) {
                throw new AddressException("not a bare address with a domain");
            }
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + shorten(a) + "' is not a mail address; write one such as"
                    + " name@example.org (only the address, no name or brackets)");
        }
    }

    /** Whether {@link #check} accepts the address. */
    public static boolean valid(String address) {
        try {
            check(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The key two spellings of one address share: the whole address in lower case. */
    public static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** The part after the last {@code @}, for logs that must not hold whole addresses. */
    static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "?" : address.substring(at + 1);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
