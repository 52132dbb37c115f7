package org.callisto.planet;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.callisto.html.HtmlText;

/**
 * The keys that tell the same post reached through several feeds: its canonical link, its global id, its source
 * feed with its id, and a SimHash of its text. Stateless and thread-safe.
 */
public final class PostKeys {
    /** Fewer words than this and a text is too short to be told from another by its SimHash alone. */
    public static final int MIN_WORDS = 20;

    /**
     * The largest Hamming distance between two SimHashes of the same post, chosen by measurement on the labelled
     * set (see docs/planet.md: 6 is the largest with no false merge, 7 merges distinct posts). Fingerprints within 3
     * bits always share one of the four 16-bit bands the lookup uses; within 6, nearly always.
     */
    public static final int MAX_DISTANCE = 6;

    private static final int SHINGLE = 3;
    private static final HashFunction MURMUR = Hashing.murmur3_128();
    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "msclkid",
            "yclid",
            "mc_cid",
            "mc_eid",
            "ref",
            "ref_src",
            "ref_url",
            "referrer",
            "igshid",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "spm",
            "share",
            "cmpid");

    private PostKeys() {}

    /**
     * The link of a post with what varies between copies taken away: scheme and host case, {@code http} and
     * {@code https}, default ports, trailing slashes, tracking parameters ({@code utm_*}, {@code fbclid},
     * {@code gclid}, {@code mc_cid}, {@code ref} and the like), the fragment. Null for a link that is no web address
     * or names only a site's home page, which many posts share.
     */
    public static String canonicalLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(param);
                }
            }
        }
        if (path.isEmpty() && kept.isEmpty()) {
            return null; // a home page: many posts link there
        }
        kept.sort(null);
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        return host + (defaultPort ? "" : ":" + port) + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /**
     * The canonical link of a post: its FeedBurner {@code origLink} when the feed gave one (its {@code link} is then
     * a feedproxy redirect shared by no other copy), else its link; see {@link #canonicalLink(String)}.
     */
    public static String postLink(String origLink, String link) {
        String orig = canonicalLink(origLink);
        return orig != null ? orig : canonicalLink(link);
    }

    /**
     * The id of an entry when it means the same post in every feed: a web address (canonicalised) or a {@code tag:}
     * or {@code urn:} URI; null for an id that only numbers entries within one feed.
     */
    public static String globalId(String guid) {
        if (guid == null || guid.isBlank()) {
            return null;
        }
        String g = guid.strip();
        String lower = g.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return canonicalLink(g); // the same key as a link to it: a FeedBurner copy's guid is the permalink
        }
        if (lower.startsWith("tag:") || lower.startsWith("urn:")) {
            return lower;
        }
        return null;
    }

    /**
     * The post's id within the feed it was first published in: that feed (the Atom {@code source} a planet of planets
     * kept, else the feed it came from) and the entry's id. Null without an id.
     */
    public static String sourceKey(String sourceFeed, String guid) {
        if (guid == null || guid.isBlank() || sourceFeed == null || sourceFeed.isBlank()) {
            return null;
        }
        String feed = canonicalLink(sourceFeed);
        return (feed == null ? sourceFeed.strip() : feed) + " " + guid.strip();
    }

    /** The lower-case words of sanitized HTML's text. */
    public static List<String> words(String html) {
        String text = HtmlText.toPlainText(html == null ? "" : html).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /**
     * A 64-bit SimHash of the word 3-shingles of sanitized HTML (Charikar), each shingle hashed with Guava's
     * murmur3; null when the text has fewer than {@link #MIN_WORDS} words.
     */
    public static Long simHash(String html) {
        List<String> words = words(html);
        if (words.size() < MIN_WORDS) {
            return null;
        }
        int[] votes = new int[64];
        StringBuilder shingle = new StringBuilder();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingle.setLength(0);
            for (int j = i; j < i + SHINGLE; j++) {
                shingle.append(words.get(j)).append(' ');
            }
            long h = MURMUR.hashString(shingle, StandardCharsets.UTF_8).asLong();
            for (int b = 0; b < 64; b++) {
                votes[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
            }
        }
        long hash = 0;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                hash |= 1L << b;
            }
        }
        return hash;
    }

    /** Band {@code i} (0 to 3) of a SimHash: its 16 bits from bit {@code 16 i}. */
    public static int band(long simHash, int i) {
        return (int) ((simHash >>> (16 * i)) & 0xFFFF);
    }

    /** How many bits two SimHashes differ in. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
