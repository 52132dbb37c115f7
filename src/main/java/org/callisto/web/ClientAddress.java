package org.callisto.web;

import io.javalin.http.Context;

/**
 * The address of the client a request comes from, as the one place every handler that needs it asks. It is
 * {@code ctx.ip()}: the peer of the connection, or, when that peer is one of {@code server.trusted_proxies}, the
 * client named by {@code Forwarded}/{@code X-Forwarded-For} (rewritten into the request by {@link ForwardedHeaders}
 * before any handler runs). Stateless and thread-safe.
 */
final class ClientAddress {
    private ClientAddress() {}

    /** The client's address as an IP literal (IPv4, or IPv6 without brackets). */
    static String of(Context ctx) {
        return ctx.ip();
    }
}
