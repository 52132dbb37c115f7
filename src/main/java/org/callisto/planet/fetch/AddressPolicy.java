package org.callisto.planet.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Decides whether the fetcher may connect to an IP address: the core of the SSRF guard. Public unicast addresses
 * are always allowed; loopback only with {@code fetch.allow_loopback}; private, unique-local, link-local and
 * shared (CGNAT) addresses only with {@code fetch.allow_private}; unspecified, multicast, broadcast, reserved and
 * cloud metadata addresses never. IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible, NAT64
 * ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}) IPv6 forms are judged by the IPv4 address they carry.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressPolicy {

    /** Why an address is refused, or {@link #PUBLIC} when it is not. */
    public enum Kind {
        PUBLIC("a public address", null),
        LOOPBACK("a loopback address", "fetch.allow_loopback"),
        PRIVATE("a private network address", "fetch.allow_private"),
        LINK_LOCAL("a link-local address", "fetch.allow_private"),
        SHARED("a carrier-grade NAT (shared) address", "fetch.allow_private"),
        METADATA("a cloud metadata address", null),
        UNSPECIFIED("the unspecified address", null),
        MULTICAST("a multicast address", null),
        RESERVED("a reserved or broadcast address", null);

        private final String description;
        private final String configKey;

        Kind(String description, String configKey) {
            this.description = description;
            this.configKey = configKey;
        }

        /** The kind in words, e.g. "a private network address". */
        public String description() {
            return description;
        }

        /** The configuration key that allows this kind, or null when nothing allows it (or it needs nothing). */
        public String configKey() {
            return configKey;
        }
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    public AddressPolicy(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** Whether connecting to {@code address} is allowed under this policy. */
    public boolean allows(InetAddress address) {
        return switch (classify(address)) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback;
            case PRIVATE, LINK_LOCAL, SHARED -> allowPrivate;
            case METADATA, UNSPECIFIED, MULTICAST, RESERVED -> false;
        };
    }

    /** Classifies an address; pure, no lookups. */
    public static Kind classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] v4 = embeddedIpv4(b);
            return v4 != null ? classifyV4(v4) : classifyV6(b);
        }
        return classifyV4(b);
    }

    private static Kind classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 0) {
            return Kind.UNSPECIFIED; // 0.0.0.0/8 ("this network"); connecting to it reaches the local host
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Kind.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return a2 == 169 && a3 == 254 ? Kind.METADATA : Kind.LINK_LOCAL;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return a1 == 100 && a2 == 100 && a3 == 200 ? Kind.METADATA : Kind.SHARED; // Alibaba's metadata address
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return Kind.RESERVED; // IETF protocol assignments, 192.0.0.0/24
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Kind.RESERVED; // benchmarking, 198.18.0.0/15
        }
        if (a0 >= 224 && a0 <= 239) {
            return Kind.MULTICAST;
        }
        if (a0 >= 240) {
            return Kind.RESERVED; // 240.0.0.0/4 and 255.255.255.255
        }
        return Kind.PUBLIC;
    }

    private static Kind classifyV6(byte[] b) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                allZeroButLast = false;
                break;
            }
        }
        if (allZeroButLast && b[15] == 0) {
            return Kind.UNSPECIFIED;
        }
        if (allZeroButLast && b[15] == 1) {
            return Kind.LOOPBACK;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xff) {
            return Kind.MULTICAST;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL; // fe80::/10
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Kind.PRIVATE; // fec0::/10, deprecated site-local
        }
        if ((b0 & 0xfe) == 0xfc) {
            if (Arrays.equals(b, EC2_METADATA_V6)) {
                return Kind.METADATA;
            }
            return Kind.PRIVATE; // fc00::/7 unique local
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Kind.RESERVED; // 2001:db8::/32 documentation
        }
        if (b0 == 0x01 && b1 == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Kind.RESERVED; // 100::/64 discard
        }
        if ((b0 & 0xe0) != 0x20) {
            return Kind.RESERVED; // outside 2000::/3, the global unicast space
        }
        return Kind.PUBLIC;
    }

    /** The IPv4 address carried by a mapped, compatible, NAT64 or 6to4 IPv6 address, or null. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                first10Zero = false;
                break;
            }
        }
        if (first10Zero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
        }
        if (first10Zero && b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0)) {
            return Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (deprecated IPv4-compatible), not :: or ::1
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return Arrays.copyOfRange(b, 12, 16); // 64:ff9b::a.b.c.d
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6); // 2002:aabb:ccdd::/48 (6to4)
        }
        return null;
    }

    private static final byte[] EC2_METADATA_V6 = ipv6("fd00:ec2::254");

    private static byte[] ipv6(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad IPv6 literal " + literal, e);
        }
    }
}
