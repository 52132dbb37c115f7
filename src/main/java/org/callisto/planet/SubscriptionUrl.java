package org.callisto.planet;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a feed URL given by a person (command line, OPML, Planet Venus config) before it is subscribed to:
 * feeds are fetched over http or https, so only absolute http(s) URLs with a host are accepted. Stateless and
 * thread-safe.
 */
public final class SubscriptionUrl {

    /**
     * The longest feed URL accepted, in characters: far above any real feed address, and what sitemaps, search
     * engines and most servers allow; longer ones are pasted by mistake or sent to fill the database.
     */
    public static final int MAX_LENGTH = 2048;

    /** How much of a refused URL a message shows. */
    private static final int SHOWN = 60;

    private SubscriptionUrl() {}

    /** The input as a message shows it: whole when short, else its first 60 characters and an ellipsis. */
    public static String excerpt(String input) {
        if (input == null) {
            return "";
        }
        if (input.length() <= SHOWN) {
            return input;
        }
        int end = Character.isHighSurrogate(input.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return input.substring(0, end) + "…";
    }

    /**
     * Returns the URL, trimmed and with its scheme and host in lower case.
     *
     * @throws IllegalArgumentException whose message names the input, what is wrong and what to write instead
     */
    public static String check(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException(
                    "the feed URL is empty; give the full address, e.g. https://example.org/feed.xml");
        }
        String s = input.strip();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    "the feed URL '%s' is too long: %,d characters, where a feed URL may have at most %,d; check that"
                            + " it was copied whole and alone",
                    excerpt(s), s.length(), MAX_LENGTH));
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + s + "' is not a URL (" + e.getReason() + " at index "
                    + e.getIndex() + "); give the full address, e.g. https://example.org/feed.xml");
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("'" + s + "' is not an absolute URL; give the full address with"
                    + " http:// or https://, e.g. https://example.org/feed.xml");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "'" + s + "' is not an http(s) URL; feeds are fetched over http or https");
        }
        if (uri.getHost() == null
                && uri.getRawAuthority() != null
                && !uri.getRawAuthority().contains("@")) {
            uri = withAsciiHost(s, uri);
            s = uri.toString();
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + s + "' has no host name; give the full address, e.g." + " https://example.org/feed.xml");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + s + "' carries a user name or password; subscriptions are public,"
                    + " so give the address without them");
        }
        String lowered = scheme + s.substring(scheme.length());
        int hostAt = lowered.indexOf(uri.getRawAuthority());
        if (hostAt > 0) {
            String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
            lowered = lowered.substring(0, hostAt) + authority + lowered.substring(hostAt + authority.length());
        }
        return lowered;
    }

    /** Rewrites an internationalized host name ({@code bücher.example}) in its ASCII form, as DNS needs it. */
    private static URI withAsciiHost(String s, URI uri) {
        String authority = uri.getRawAuthority();
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && authority.substring(colon + 1).matches("\\d*")) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            int at = s.indexOf(authority);
            return new URI(s.substring(0, at) + ascii + port + s.substring(at + authority.length()));
        } catch (IllegalArgumentException | URISyntaxException e) {
            return uri; // reported as having no host name
        }
    }

    /** True when {@link #check} accepts the input. */
    public static boolean isValid(String input) {
        try {
            check(input);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
