package org.callisto.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses of the links put in mail, made from {@code site.url} (the public address of the site, which mail
 * readers reach): invitations, password resets, address verification and one-click unsubscribing. Immutable and
 * thread-safe.
 */
public final class MailLinks {
    /** The path a reset link opens, followed by the token. */
    public static final String RESET = "/account/reset/";
    /** The path a verification link opens, followed by the token. */
    public static final String VERIFY = "/account/verify/";
    /** The path an unsubscribe link opens, followed by the token. */
    public static final String UNSUBSCRIBE = "/unsubscribe/";

    private final URI site;

    /** Links under {@code siteUrl}, which may have a path ({@code https://example.org/planet/}). */
    public MailLinks(URI siteUrl) {
        String s = siteUrl.toString();
        this.site = URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** The registration page with the invitation code filled in. */
    public URI invitation(String code) {
        return at("register?invitation=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    public URI reset(String token) {
        return at(RESET.substring(1) + token);
    }

    public URI verify(String token) {
        return at(VERIFY.substring(1) + token);
    }

    public URI unsubscribe(String token) {
        return at(UNSUBSCRIBE.substring(1) + token);
    }

    /** The site's own address, for the foot of every mail. */
    public URI site() {
        return site;
    }

    private URI at(String relative) {
        return site.resolve(relative);
    }
}
