package org.callisto.web;

import io.javalin.http.Context;

/**
 * The address of the client a request comes from, as the one place every handler that needs it asks: today the
 * peer of the connection ({@code ctx.ip()}). Behind a reverse proxy that is the proxy's address; deriving the
 * client's own from {@code X-Forwarded-For} for trusted proxies belongs here. Stateless and thread-safe.
 */
final class ClientAddress {
    private ClientAddress() {}

    /** The client's address as an IP literal (IPv4, or IPv6 without brackets). */
    static String of(Context ctx) {
        return ctx.ip();
    }
}
