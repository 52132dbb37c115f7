package org.callisto.app;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import org.callisto.planet.Feed;
import org.callisto.planet.SubscriptionStore;
import org.callisto.planet.SubscriptionUrl;

/**
 * Sets the faces of imported Planet Venus feeds: a {@code face} that is a full http(s) URL is kept as it is; a file
 * name (Venus themes show {@code images/FACE}) is resolved against {@code --faces-url}, or reported when that was not
 * given. Every face not set is printed with the reason and what to do. Stateless and thread-safe.
 */
final class VenusFaces {
    private VenusFaces() {}

    static void apply(SubscriptionStore store, List<VenusConfig.VenusFeed> feeds, String facesUrl, PrintWriter out) {
        int set = 0;
        for (VenusConfig.VenusFeed f : feeds) {
            if (f.face() == null) {
                continue;
            }
            Feed feed;
            try {
                feed = store.feedByUrl(SubscriptionUrl.check(f.url())).orElse(null);
            } catch (IllegalArgumentException notImported) {
                continue; // reported by the import already
            }
            if (feed == null) {
                continue;
            }
            String face = f.face();
            boolean absolute = face.matches("[A-Za-z][A-Za-z0-9+.-]*:.*"); // has a scheme: checked as it is
            if (!absolute) {
                if (facesUrl == null || facesUrl.isBlank()) {
                    out.println("  face '" + face + "' of [" + f.url() + "] (line " + f.line() + ") not set: it is a"
                            + " file name; give --faces-url with the address of the old planet's images");
                    continue;
                }
                try {
                    String base = facesUrl.endsWith("/") ? facesUrl : facesUrl + "/";
                    face = URI.create(base).resolve(face).toString();
                } catch (IllegalArgumentException e) {
                    out.println("  face '" + face + "' of [" + f.url() + "] (line " + f.line() + ") not set: "
                            + e.getMessage());
                    continue;
                }
            }
            try {
                store.setFace(feed.id(), face);
                set++;
            } catch (IllegalArgumentException refused) {
                out.println("  face of [" + f.url() + "] (line " + f.line() + ") not set: " + refused.getMessage());
            }
        }
        if (set > 0) {
            out.println("Faces set: " + set + ".");
        }
    }
}
