package org.callisto.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.callisto.config.Cidr;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.HostPort;

/**
 * Derives a request's client address, scheme and host behind reverse proxies, before any route runs: when the TCP
 * peer lies in {@code server.trusted_proxies}, the client is the rightmost hop of RFC 7239 {@code Forwarded} (or,
 * without it, {@code X-Forwarded-For}) that is not itself a trusted proxy, and the scheme and host come from that
 * hop's {@code proto=}/{@code host=} (or {@code X-Forwarded-Proto}/{@code -Host}). From any other peer the headers
 * are ignored, so a client cannot choose its own address. Everything after (rate limits, lockouts, the access log,
 * {@code Secure} cookies, redirects) sees the derived values through Jetty's ordinary request API; the TCP peer stays
 * readable with {@link #peer(jakarta.servlet.http.HttpServletRequest)} for {@code /metrics}.
 *
 * <p>HTTPS requests (as the proxy says) get {@code Strict-Transport-Security} with {@code server.hsts_max_age}.
 *
 * <p>Written here rather than using Jetty's {@code ForwardedRequestCustomizer} because that one believes every
 * peer and takes the leftmost {@code X-Forwarded-For} address, which the client writes itself.
 *
 * <p>Immutable and thread-safe.
 */
final class ForwardedHeaders implements HttpConfiguration.Customizer {
    /** The request attribute holding the TCP peer's {@link InetAddress} when a proxy's headers were used. */
    static final String PEER_ATTRIBUTE = "org.callisto.tcpPeer";

    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    private final List<Cidr> trusted;
    private final String hsts;

    ForwardedHeaders(List<Cidr> trusted, Duration hstsMaxAge) {
        this.trusted = List.copyOf(trusted);
        this.hsts = hstsMaxAge.isZero() ? null : "max-age=" + hstsMaxAge.toSeconds();
    }

    /** The TCP peer's address of {@code request}, whatever forwarding headers said; null when not an IP peer. */
    static InetAddress peer(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(PEER_ATTRIBUTE) instanceof InetAddress a) {
            return a;
        }
        try {
            return InetAddress.ofLiteral(request.getRemoteAddr());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        Request out = request;
        if (!trusted.isEmpty()
                && request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer
                && isTrusted(peer.getAddress())) {
            Hop hop = clientHop(request.getHeaders(), peer.getAddress());
            if (hop != null) {
                out = new Forwarded(request, peer.getAddress(), hop);
                out.setAttribute(PEER_ATTRIBUTE, peer.getAddress());
            }
        }
        if (hsts != null && (out.isSecure() || "https".equals(out.getHttpURI().getScheme()))) {
            responseHeaders.put("Strict-Transport-Security", hsts);
        }
        return out;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** One hop a proxy recorded: the address it was talked to from, and the scheme and host it was asked for. */
    record Hop(InetAddress address, String proto, String host) {}

    /**
     * The hop of the client: walking from the peer towards the client, the first address that is not a trusted
     * proxy; when every hop is trusted, the farthest one. A hop that is not an address ({@code unknown}, an
     * obfuscated name, garbage) ends the walk at the last address known. Null when the headers name no hop.
     */
    Hop clientHop(HttpFields headers, InetAddress peer) {
        List<Hop> hops = headers.contains(HttpHeader.FORWARDED)
                ? forwardedHops(headers.getValuesList(HttpHeader.FORWARDED))
                : xForwardedHops(headers);
        if (hops.isEmpty()) {
            return null;
        }
        Hop chosen = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.address() == null) {
                break;
            }
            chosen = hop;
            if (!isTrusted(hop.address())) {
                break;
            }
        }
        if (chosen == null) { // the nearest hop is unreadable: the client is unknown, keep the proxy's address
            Hop nearest = hops.getLast();
            return new Hop(peer, nearest.proto(), nearest.host());
        }
        return chosen;
    }

    /** RFC 7239: {@code for=...;proto=...;host=..., for=...}; values are tokens or quoted strings. */
    static List<Hop> forwardedHops(List<String> values) {
        List<Hop> hops = new ArrayList<>();
        for (String value : values) {
            for (String element : splitOutsideQuotes(value, ',')) {
                InetAddress address = null;
                String proto = null;
                String host = null;
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String v = unquote(pair.substring(eq + 1).trim());
                    switch (name) {
                        case "for" -> address = nodeAddress(v);
                        case "proto" -> proto = scheme(v);
                        case "host" -> host = host(v);
                        default -> {}
                    }
                }
                if (!element.isBlank()) {
                    hops.add(new Hop(address, proto, host));
                }
            }
        }
        return hops;
    }

    /**
     * {@code X-Forwarded-For} gives the hops; {@code X-Forwarded-Proto} and {@code -Host} are read as the edge
     * proxy's (their leftmost value) and given to every hop.
     */
    private static List<Hop> xForwardedHops(HttpFields headers) {
        List<String> fors = new ArrayList<>();
        for (String value : headers.getValuesList("X-Forwarded-For")) {
            for (String part : value.split(",")) {
                fors.add(part.trim());
            }
        }
        String proto = scheme(first(headers.getValuesList("X-Forwarded-Proto")));
        String host = host(first(headers.getValuesList("X-Forwarded-Host")));
        List<Hop> hops = new ArrayList<>();
        if (fors.isEmpty() && (proto != null || host != null)) {
            hops.add(new Hop(null, proto, host)); // scheme and host only: the client's address stays the peer's
        }
        for (String f : fors) {
            hops.add(new Hop(nodeAddress(f), proto, host));
        }
        return hops;
    }

    private static String first(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        String v = values.getFirst();
        int comma = v.indexOf(',');
        return (comma < 0 ? v : v.substring(0, comma)).trim();
    }

    /** An address as a forwarding header writes it: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [::1]:80}. */
    static InetAddress nodeAddress(String v) {
        if (v == null || v.isEmpty() || v.length() > 64) {
            return null;
        }
        String s = v;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            s = s.substring(1, close);
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            s = s.substring(0, s.indexOf(':')); // IPv4 with a port
        }
        try {
            return InetAddress.ofLiteral(s); // literals only: never a DNS look-up
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String scheme(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https") ? s : null;
    }

    private static String host(String v) {
        return v != null && HOST.matcher(v.trim()).matches() ? v.trim() : null;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v;
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    /** The request as the client made it: its address, and the scheme and host it asked the proxy for. */
    private static final class Forwarded extends Request.Wrapper {
        private final ConnectionMetaData metaData;
        private final HttpURI uri;
        private final HttpFields headers;

        Forwarded(Request request, InetAddress peer, Hop hop) {
            super(request);
            HttpURI original = request.getHttpURI();
            HttpURI.Mutable changed = HttpURI.build(original);
            if (hop.proto() != null) {
                changed.scheme(hop.proto());
                if (original.getPort() > 0) {
                    changed.port(-1); // the proxy's port to the backend says nothing of the public one
                }
            }
            HostPort hostPort = null;
            if (hop.host() != null) {
                hostPort = new HostPort(hop.host());
                changed.host(hostPort.getHost()).port(hostPort.getPort());
            }
            this.uri = changed.asImmutable();
            // Jetty refuses a request whose Host differs from its URI's authority: the Host is the forwarded one too
            this.headers = hop.host() == null
                    ? request.getHeaders()
                    : HttpFields.build(request.getHeaders())
                            .put(HttpHeader.HOST, hop.host())
                            .asImmutable();
            InetAddress client = hop.address() != null ? hop.address() : peer;
            boolean secure = "https".equals(uri.getScheme());
            HostPort authority = hostPort;
            this.metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
                @Override
                public SocketAddress getRemoteSocketAddress() {
                    return new InetSocketAddress(client, 0);
                }

                @Override
                public boolean isSecure() {
                    return secure || super.isSecure();
                }

                @Override
                public HostPort getServerAuthority() {
                    return authority != null ? authority : super.getServerAuthority();
                }
            };
        }

        @Override
        public boolean isSecure() {
            return metaData.isSecure();
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return metaData;
        }
    }
}
