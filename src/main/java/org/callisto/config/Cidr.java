package org.callisto.config;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address range written as {@code address/prefix} ({@code 10.0.0.0/8}, {@code ::1/128}); a bare address is a
 * range of one. Hand-written because it is twenty lines and the configuration imports no library: the JDK parses the
 * address (literals only, never a DNS look-up) and this compares the prefix bits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text   the range as written
 * @param bytes  the network address
 * @param prefix the number of leading bits that must match
 */
public record Cidr(String text, byte[] bytes, int prefix) {
    public Cidr {
        bytes = bytes.clone();
    }

    /**
     * Parses {@code address/prefix} or a bare address.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes;
        try {
            bytes = InetAddress.ofLiteral(address).getAddress(); // a literal only: never a DNS look-up
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not an IP address range; write e.g. 10.0.0.0/8 or ::1");
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException(
                        "'" + t + "' has a bad prefix length; use a number from 0 to " + max + " after the /");
            }
        }
        return new Cidr(t, bytes, prefix);
    }

    /** Whether {@code address} lies in this range (an IPv4 address never lies in an IPv6 range, and back). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != bytes.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != bytes[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (bytes[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
