package org.callisto.account;

/** The key a client address is counted under by the rate limits. Stateless and thread-safe. */
final class AddressKey {
    private AddressKey() {}

    /**
     * The key an address is limited by: an IPv4 address as it is, an IPv6 address by its /64 network (one
     * subscriber usually holds a whole /64, so counting single addresses would count nothing).
     */
    static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        if (a.indexOf(':') >= 0) {
            try {
                byte[] b = java.net.InetAddress.ofLiteral(
                                a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a)
                        .getAddress();
                if (b.length == 16) {
                    java.util.HexFormat hex = java.util.HexFormat.of();
                    return hex.formatHex(b, 0, 2) + ":" + hex.formatHex(b, 2, 4) + ":" + hex.formatHex(b, 4, 6) + ":"
                            + hex.formatHex(b, 6, 8) + "::/64";
                }
            } catch (IllegalArgumentException e) {
                // not a literal address: limited by its text, as below
            }
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
