package org.callisto.websub;

import java.time.Instant;

/**
 * A subscriber of this site's hub to one of its feeds. Immutable.
 *
 * @param id         the row's key
 * @param topic      the feed's URL
 * @param callback   where notifications are posted
 * @param secret     the subscriber's {@code hub.secret}, or null: notifications are then not signed
 * @param leaseUntil when the subscription ends unless renewed
 */
public record HubSubscription(long id, String topic, String callback, String secret, Instant leaseUntil) {
    @Override
    public String toString() { // never print the secret
        return "HubSubscription[" + id + ", " + topic + " -> " + callback + ", until " + leaseUntil + "]";
    }
}
