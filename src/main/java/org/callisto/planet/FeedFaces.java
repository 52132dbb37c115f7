package org.callisto.planet;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.callisto.db.Sql;

/**
 * The faces (avatar image URLs) of subscriptions, Planet Venus's {@code face}: kept as {@code face:ID} rows of the
 * {@code planet_state} key-value table, so that a face needs no column of its own in {@code feeds}. Used through
 * {@link SubscriptionStore#faces()} and {@link SubscriptionStore#setFace(long, String)}. Stateless and thread-safe.
 */
final class FeedFaces {
    /** The longest face URL accepted. */
    static final int MAX_LENGTH = 2048;

    private static final String PREFIX = "face:";

    private FeedFaces() {}

    /**
     * The face URL to store for {@code url}: null for a blank one (no face), else the trimmed URL.
     *
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL or is too long
     */
    static String checked(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        if (u.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("face URL is " + u.length() + " characters long; the limit is "
                    + MAX_LENGTH + "; use a shorter address for the image");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("face URL '" + u + "' is not an absolute http or https address;"
                        + " give the image's full address, such as https://example.org/me.png");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "face URL '" + u + "' is not a valid address (" + e.getReason() + "); check it and try again");
        }
        return u;
    }

    /** Every face, by feed id. */
    static Map<Long, String> all(Connection c) throws SQLException {
        Map<Long, String> faces = new HashMap<>();
        for (String[] row : Sql.list(c, "SELECT key, value FROM planet_state WHERE key LIKE 'face:%'", rs ->
                new String[] {rs.getString(1), rs.getString(2)})) {
            try {
                faces.put(Long.parseLong(row[0].substring(PREFIX.length())), row[1]);
            } catch (NumberFormatException ignored) {
                // not a face row written by this class
            }
        }
        return faces;
    }

    /** Sets (or, with null, removes) the face of feed {@code feedId}, inside the caller's transaction. */
    static void set(Connection c, long feedId, String url) throws SQLException {
        if (url == null) {
            Sql.update(c, "DELETE FROM planet_state WHERE key = ?", PREFIX + feedId);
        } else {
            Sql.update(
                    c,
                    "INSERT INTO planet_state (key, value) VALUES (?, ?)"
                            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    PREFIX + feedId,
                    url);
        }
    }
}
