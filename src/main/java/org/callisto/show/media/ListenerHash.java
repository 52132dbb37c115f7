package org.callisto.show.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who a listener is, without keeping who they are: the keyed hash (HMAC-SHA256, first 128 bits, unpadded URL-safe
 * Base64) of their network address and user agent under the key of one UTC day. An IPv6 address is truncated to
 * its /64 first (a household's devices share a prefix, and privacy addresses change within it); an IPv4 address,
 * also when written as IPv4-mapped IPv6, is kept whole. Without the day's key, which lives only in the database and
 * is deleted two days later, the hash cannot be linked back to an address.
 *
 * <p>Hand-written on the JDK's {@link Mac}: it is the whole of what is needed. Stateless and thread-safe.
 */
public final class ListenerHash {
    private ListenerHash() {}

    /** The hash of {@code address} (an IP literal; anything else is hashed as given) and {@code userAgent}. */
    public static String of(byte[] dayKey, String address, String userAgent) {
        byte[] network = network(address);
        byte[] agent = (userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dayKey, "HmacSHA256"));
            mac.update((byte) network.length);
            mac.update(network);
            mac.update(agent);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(), 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    /** The bytes that identify the listener's network: IPv4 whole, IPv6 its first 64 bits. */
    static byte[] network(String address) {
        if (address == null || address.isBlank()) {
            return new byte[0];
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        InetAddress ip;
        try {
            ip = InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            return address.getBytes(StandardCharsets.UTF_8);
        }
        if (ip instanceof Inet4Address) {
            return ip.getAddress();
        }
        byte[] bytes = ip.getAddress();
        if (ip instanceof Inet6Address && isMappedIpv4(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return Arrays.copyOf(bytes, 8);
    }

    private static boolean isMappedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
