package org.callisto.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A member's mail address and what the site may send to it. Immutable.
 *
 * @param email        the address the member gave, if any
 * @param verifiedAt   when a link mailed to that address was followed; empty while unverified
 * @param notifyByMail whether notification mail (replies, mentions, decisions) may be sent
 */
public record MailSettings(Optional<String> email, Optional<Instant> verifiedAt, boolean notifyByMail) {
    /** Whether there is an address and it is verified. */
    public boolean verified() {
        return email.isPresent() && verifiedAt.isPresent();
    }

    @Override
    public String toString() { // addresses are personal
        return "MailSettings[email=" + (email.isPresent() ? "set" : "none") + ", verified=" + verified()
                + ", notifyByMail=" + notifyByMail + "]";
    }
}
