package org.callisto.websub;

import java.time.Instant;

/**
 * The planet's subscription to a hub for one feed. Immutable.
 *
 * @param id          the random part of the callback URL, {@code /websub/callback/{id}}
 * @param feedId      the planet feed whose pushed documents are stored
 * @param hub         the hub's URL
 * @param topic       the topic asked for (the feed's self URL)
 * @param secret      the {@code hub.secret} sent, which every push must be signed with
 * @param state       {@code requested}, {@code active}, {@code unsubscribing}, {@code denied} or {@code failed}
 * @param requestedAt when the last subscription request was sent
 * @param verifiedAt  when the hub last verified intent, or null
 * @param leaseUntil  when the lease it granted ends, or null
 * @param pushedAt    when a signed document last arrived, or null
 * @param lastError   why the last request, verification or push failed, or null
 */
public record PushSubscription(
        String id,
        long feedId,
        String hub,
        String topic,
        String secret,
        String state,
        Instant requestedAt,
        Instant verifiedAt,
        Instant leaseUntil,
        Instant pushedAt,
        String lastError) {
    static final String REQUESTED = "requested";
    static final String ACTIVE = "active";
    static final String UNSUBSCRIBING = "unsubscribing";
    static final String DENIED = "denied";
    static final String FAILED = "failed";

    @Override
    public String toString() { // never print the secret
        return "PushSubscription[" + id + ", feed " + feedId + ", " + topic + " at " + hub + ", " + state + "]";
    }
}
