package org.callisto.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An invitation a member issued: who issued it, until when it can be used, and who used it. The code itself is
 * shown once, when issued ({@link IssuedInvitation}); only its SHA-256 is stored. Immutable.
 */
public record Invitation(
        long id,
        long createdBy,
        Instant createdAt,
        Instant expiresAt,
        Optional<Long> usedBy,
        Optional<Instant> usedAt) {

    /** Whether the invitation can still be used at {@code now}. */
    public boolean usable(Instant now) {
        return usedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
