package org.callisto.planet.fetch;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Raised by {@link GuardedAddressResolver} when every address a host resolves to is refused by the
 * {@link AddressPolicy}; the connection is never opened. Carries the host, the refused address and its kind so
 * the fetcher can tell the user which setting would allow it.
 */
final class BlockedAddressException extends IOException {

    private final String host;
    private final InetAddress address;
    private final AddressPolicy.Kind kind;

    BlockedAddressException(String host, InetAddress address, AddressPolicy.Kind kind) {
        super(describe(host, address, kind));
        this.host = host;
        this.address = address;
        this.kind = kind;
    }

    String host() {
        return host;
    }

    InetAddress address() {
        return address;
    }

    AddressPolicy.Kind kind() {
        return kind;
    }

    private static String describe(String host, InetAddress address, AddressPolicy.Kind kind) {
        String what = "host " + host + " resolves to " + address.getHostAddress() + ", " + kind.description();
        if (kind.configKey() != null) {
            return what + "; set " + kind.configKey() + " = true to allow feeds there";
        }
        return what + ", which is never fetched";
    }
}
