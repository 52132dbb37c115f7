package org.callisto.planet.fetch;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.callisto.planet.fetch.FetchResult.FetchError;

/**
 * Turns whatever a failed exchange threw into a {@link FetchError} and a sentence a person understands, naming
 * the URL and, where it helps, the setting to change. Looks through the whole cause chain, since Jetty wraps
 * the root cause in execution and I/O exceptions.
 *
 * <p>Stateless and thread-safe.
 */
final class FetchFailures {

    /** A classified failure. */
    record Failure(FetchError error, String message) {}

    private FetchFailures() {}

    /**
     * Classifies a failure.
     *
     * @param failure        what was thrown
     * @param url            the URL being fetched when it failed
     * @param totalTimedOut  whether the whole-fetch deadline has passed (a timeout then means the total timeout)
     * @param readTimeout    the idle timeout, for the message
     * @param totalTimeout   the total timeout, for the message
     */
    static Failure classify(
            Throwable failure, URI url, boolean totalTimedOut, Duration readTimeout, Duration totalTimeout) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BlockedAddressException b) {
                return new Failure(FetchError.BLOCKED_ADDRESS, "refused to fetch " + url + ": " + b.getMessage());
            }
            if (t instanceof BodyTooLargeException big) {
                return tooLarge(url, big.limit(), big.decompressed());
            }
            if (t instanceof BodyDecodingException d) {
                return new Failure(FetchError.DECODING, "cannot decode the body of " + url + ": " + d.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return new Failure(
                        FetchError.DNS,
                        "cannot fetch " + url + ": the host name " + url.getHost()
                                + " does not resolve; check the spelling or whether the site still exists");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new Failure(
                        FetchError.CONNECT,
                        "cannot connect to " + hostPort(url) + " for " + url
                                + ": " + (t.getMessage() == null ? "connection failed" : t.getMessage())
                                + "; the server may be down");
            }
            if (t instanceof SocketTimeoutException) {
                return new Failure(
                        FetchError.TIMEOUT,
                        "cannot connect to " + hostPort(url) + " for " + url
                                + ": no answer within the connect timeout (fetch.connect_timeout)");
            }
            if (t instanceof TimeoutException) {
                return timeout(url, totalTimedOut, readTimeout, totalTimeout);
            }
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new Failure(
                        FetchError.TLS,
                        "TLS handshake with " + hostPort(url) + " failed for " + url + ": " + tlsReason(t)
                                + "; the site's certificate or TLS setup is broken");
            }
        }
        if (totalTimedOut) {
            return timeout(url, true, readTimeout, totalTimeout);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ClosedChannelException || root instanceof java.io.EOFException) {
            return new Failure(FetchError.OTHER, "the server closed the connection early while sending " + url);
        }
        String what = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new Failure(FetchError.OTHER, "fetching " + url + " failed: " + what);
    }

    /** The usual TLS failures in plain words, else the exception's own message. */
    private static String tlsReason(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("PKIX path")) {
            return "the certificate is not signed by a trusted authority (self-signed or incomplete chain)";
        }
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "the certificate is for another host name";
        }
        if (m.contains("validity check failed") || m.contains("NotAfter")) {
            return "the certificate has expired or is not yet valid";
        }
        return m;
    }

    static Failure tooLarge(URI url, long limit, boolean decompressed) {
        return new Failure(
                FetchError.TOO_LARGE,
                "the " + (decompressed ? "decompressed body" : "body") + " of "
                        + url + " is larger than the limit of " + bytes(limit)
                        + "; raise fetch.max_body if this feed is really that large");
    }

    static Failure timeout(URI url, boolean total, Duration readTimeout, Duration totalTimeout) {
        if (total) {
            return new Failure(
                    FetchError.TIMEOUT,
                    "fetching " + url + " did not finish within " + words(totalTimeout)
                            + " (fetch.total_timeout); the server is too slow");
        }
        return new Failure(
                FetchError.TIMEOUT,
                "the server sent nothing for " + words(readTimeout) + " while answering " + url
                        + " (fetch.read_timeout)");
    }

    /** A size in words: "1 MiB", "15 MiB", "512 KiB", "100 bytes". */
    static String bytes(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }

    /** A duration in words: "2 s", "1500 ms", "5 min". */
    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms >= 60_000) {
            return (ms / 60_000) + " min";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return ms + " ms";
    }

    private static String hostPort(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }
}
