package org.callisto.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An invitation a member issued: who issued it, to which mail address if it was mailed, until when it can be
 * used, who used it, and whether its issuer revoked it. The code itself is shown once, when issued
 * ({@link IssuedInvitation}); only its SHA-256 is stored. Immutable.
 */
public record Invitation(
        long id,
        long createdBy,
        Instant createdAt,
        Instant expiresAt,
        Optional<Long> usedBy,
        Optional<Instant> usedAt,
        Optional<String> email,
        Optional<Instant> revokedAt) {

    /** An invitation that was not mailed and not revoked. */
    public Invitation(
            long id,
            long createdBy,
            Instant createdAt,
            Instant expiresAt,
            Optional<Long> usedBy,
            Optional<Instant> usedAt) {
        this(id, createdBy, createdAt, expiresAt, usedBy, usedAt, Optional.empty(), Optional.empty());
    }

    /** Whether the invitation can still be used at {@code now}. */
    public boolean usable(Instant now) {
        return usedAt.isEmpty() && revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /** Where it stands at {@code now}: {@code used}, {@code revoked}, {@code expired} or {@code open}. */
    public String state(Instant now) {
        if (usedAt.isPresent()) {
            return "used";
        }
        if (revokedAt.isPresent()) {
            return "revoked";
        }
        return now.isBefore(expiresAt) ? "open" : "expired";
    }
}
